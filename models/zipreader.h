#pragma once

#include "result.h"

#include <QByteArray>
#include <QStringList>

namespace Gavel::Models {

/// Reads the files inside a ZIP archive (a Mailchimp audience export), through libzip:
/// Qt 6.4 has no public ZIP reader.
class ZipReader final
{
public:
    /// Whether the file starts with a ZIP signature.
    static bool isZip(const QString &path);
    /// The names of the files in the archive, in archive order (folders left out).
    static Result<QStringList> entries(const QString &path);
    /// The whole content of one entry; entries of an audience export are a few MB at most.
    static Result<QByteArray> read(const QString &path, const QString &entry);
};

} // namespace Gavel::Models
