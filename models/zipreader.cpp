#include "zipreader.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>
#include <zip.h>

namespace Gavel::Models {

namespace {

struct ArchiveCloser
{
    void operator()(zip_t *archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

Result<Archive> openArchive(const QString &path)
{
    int error = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!archive) {
        zip_error_t zipError;
        zip_error_init_with_code(&zipError, error);
        const QString detail = QString::fromUtf8(zip_error_strerror(&zipError));
        zip_error_fini(&zipError);
        return Error::make(
            ErrorKind::Invalid,
            QCoreApplication::translate("ZipReader", "“%1” cannot be opened as a ZIP archive.").arg(path), detail);
    }
    return Archive(archive);
}

} // namespace

bool ZipReader::isZip(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArray("PK\x03\x04", 4);
}

Result<QStringList> ZipReader::entries(const QString &path)
{
    auto archive = openArchive(path);
    if (!archive) {
        return archive.error();
    }
    QStringList names;
    const zip_int64_t count = zip_get_num_entries(archive->get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *name = zip_get_name(archive->get(), static_cast<zip_uint64_t>(i), 0);
        if (name && !QByteArray(name).endsWith('/')) {
            names << QString::fromUtf8(name);
        }
    }
    return names;
}

Result<QByteArray> ZipReader::read(const QString &path, const QString &entry)
{
    auto archive = openArchive(path);
    if (!archive) {
        return archive.error();
    }
    const QByteArray name = entry.toUtf8();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive->get(), name.constData(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        return Error::make(ErrorKind::NotFound,
                           QCoreApplication::translate("ZipReader", "“%1” has no file “%2”.").arg(path, entry));
    }
    zip_file_t *file = zip_fopen(archive->get(), name.constData(), 0);
    if (!file) {
        return Error::make(ErrorKind::Invalid,
                           QCoreApplication::translate("ZipReader", "“%1” in “%2” cannot be read.").arg(entry, path),
                           QString::fromUtf8(zip_strerror(archive->get())));
    }
    QByteArray content(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
        return Error::make(ErrorKind::Invalid,
                           QCoreApplication::translate("ZipReader", "“%1” in “%2” is damaged.").arg(entry, path));
    }
    return content;
}

} // namespace Gavel::Models
