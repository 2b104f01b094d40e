#!/usr/bin/env bash
# Installs, from Debian's packages, what Gavel needs and is not installed yet.
#   ./install-deps.sh run    to build and run the app
#   ./install-deps.sh test   also what the tests need (a PostgreSQL server)
# On a machine that already has everything it does nothing, without even `apt-get update`.
set -euo pipefail

mode=${1:-run}

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev
    qt6-charts-dev libqt6opengl6-dev   # Debian's qt6-charts-dev forgets to pull in Qt OpenGL's CMake files
    qt6-svg-dev libqt6svg6             # SVG icons
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools  # translations (lupdate/lrelease)
    libqt6sql6-sqlite libqt6sql6-psql  # the database drivers are plugins
    libphonenumber-dev                 # phone number parsing and mobile/landline detection
    sqlite3                            # the bare-SQL baseline of the benchmarks
    libsqlite3-dev libpq-dev           # import: SQLite's C API and PostgreSQL's COPY on Qt's own connections
    libzip-dev                         # import: Mailchimp's audience export is a ZIP (Qt 6.4 has no ZIP reader)
)
if [[ $mode == test ]]; then
    packages+=(postgresql)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: everything is installed."
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
