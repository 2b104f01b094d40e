#include "notedraftstore.h"

#include "epoch.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Gavel::Models {

namespace {

const QString kNewNote = QStringLiteral("new");
const QString kSuffix = QStringLiteral(".json");

/// Uuids are what we make them, but a file name must never be steered by data: keep only
/// what a uuid is made of.
QString safeName(const QString &name)
{
    QString safe;
    for (const QChar c : name) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-') {
            safe += c;
        }
    }
    return safe.isEmpty() ? QStringLiteral("_") : safe;
}

} // namespace

NoteDraftStore::NoteDraftStore(const QString &databaseIdentity, const QString &folder)
    : m_identity(databaseIdentity), m_folder(folder.isEmpty() ? defaultFolder() : folder)
{
}

QString NoteDraftStore::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("drafts"));
}

QString NoteDraftStore::customerFolder(const QString &customerUuid) const
{
    // The database's description can hold anything (a path, a conninfo): hash it.
    const QByteArray database =
        QCryptographicHash::hash(m_identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QDir(m_folder).filePath(QString::fromLatin1(database) + u'/' + safeName(customerUuid));
}

QString NoteDraftStore::filePath(const QString &customerUuid, const QString &noteUuid) const
{
    return QDir(customerFolder(customerUuid))
        .filePath(QStringLiteral("note-") + (noteUuid.isEmpty() ? kNewNote : safeName(noteUuid)) + kSuffix);
}

Status NoteDraftStore::save(const NoteDraft &draft)
{
    const QString path = filePath(draft.customerUuid, draft.base.uuid);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error::make(ErrorKind::General,
                           QStringLiteral("Your unsaved note could not be kept: the folder %1 cannot be created.")
                               .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    }
    QJsonObject base{
        {QStringLiteral("id"), draft.base.id},
        {QStringLiteral("uuid"), draft.base.uuid},
        {QStringLiteral("body"), draft.base.body},
        {QStringLiteral("author"), draft.base.author},
        {QStringLiteral("createdAt"), toEpoch(draft.base.createdAt)},
        {QStringLiteral("version"), draft.base.version},
        {QStringLiteral("updatedAt"), toEpoch(draft.base.updatedAt)},
        {QStringLiteral("updatedBy"), draft.base.updatedBy},
        {QStringLiteral("pinned"), draft.base.pinned},
    };
    const QJsonObject object{
        {QStringLiteral("database"), m_identity},
        {QStringLiteral("customerUuid"), draft.customerUuid},
        {QStringLiteral("customerId"), draft.customerId},
        {QStringLiteral("base"), base},
        {QStringLiteral("text"), draft.text},
        {QStringLiteral("savedAt"),
         (draft.savedAt.isValid() ? draft.savedAt : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch()},
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(
            ErrorKind::General,
            QStringLiteral("Your unsaved note could not be kept in %1.").arg(QDir::toNativeSeparators(path)),
            file.errorString());
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Error::make(ErrorKind::General,
                           QStringLiteral("Your unsaved note could not be kept in %1 (is the disk full?).")
                               .arg(QDir::toNativeSeparators(path)),
                           file.errorString());
    }
    return {};
}

std::optional<NoteDraft> NoteDraftStore::read(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    // Another database whose description hashes alike, or a damaged file: not ours to offer.
    if (object.value(QStringLiteral("database")).toString() != m_identity) {
        return std::nullopt;
    }
    NoteDraft draft;
    draft.customerUuid = object.value(QStringLiteral("customerUuid")).toString();
    draft.customerId = object.value(QStringLiteral("customerId")).toInteger();
    const QJsonObject base = object.value(QStringLiteral("base")).toObject();
    draft.base.id = base.value(QStringLiteral("id")).toInteger();
    draft.base.uuid = base.value(QStringLiteral("uuid")).toString();
    draft.base.customerId = draft.customerId;
    draft.base.body = base.value(QStringLiteral("body")).toString();
    draft.base.author = base.value(QStringLiteral("author")).toString();
    draft.base.createdAt = fromEpoch(base.value(QStringLiteral("createdAt")).toInteger());
    draft.base.version = base.value(QStringLiteral("version")).toInt();
    draft.base.updatedAt = fromEpoch(base.value(QStringLiteral("updatedAt")).toInteger());
    draft.base.updatedBy = base.value(QStringLiteral("updatedBy")).toString();
    draft.base.pinned = base.value(QStringLiteral("pinned")).toBool();
    draft.text = object.value(QStringLiteral("text")).toString();
    draft.savedAt =
        QDateTime::fromMSecsSinceEpoch(object.value(QStringLiteral("savedAt")).toInteger(), QTimeZone::utc());
    return draft;
}

std::optional<NoteDraft> NoteDraftStore::load(const QString &customerUuid, const QString &noteUuid) const
{
    return read(filePath(customerUuid, noteUuid));
}

QList<NoteDraft> NoteDraftStore::forCustomer(const QString &customerUuid) const
{
    QList<NoteDraft> drafts;
    const QDir folder(customerFolder(customerUuid));
    const QStringList files = folder.entryList({QStringLiteral("note-*") + kSuffix}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (auto draft = read(folder.filePath(name)); draft && draft->customerUuid == customerUuid) {
            drafts << *draft;
        }
    }
    std::sort(drafts.begin(), drafts.end(),
              [](const NoteDraft &a, const NoteDraft &b) { return a.savedAt < b.savedAt; });
    return drafts;
}

Status NoteDraftStore::remove(const QString &customerUuid, const QString &noteUuid)
{
    QFile file(filePath(customerUuid, noteUuid));
    if (file.exists() && !file.remove()) {
        return Error::make(
            ErrorKind::General,
            QStringLiteral("The draft %1 could not be removed.").arg(QDir::toNativeSeparators(file.fileName())),
            file.errorString());
    }
    return {};
}

} // namespace Gavel::Models
