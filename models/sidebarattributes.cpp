#include "sidebarattributes.h"

#include "settingsstore.h"

#include <QCoreApplication>
#include <QSet>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::SidebarAttributes", text);
}

/// Stored when a house chose to show none, to tell it from "never chosen".
const QString kNone = QStringLiteral("-");

} // namespace

const QStringList &SidebarAttributes::allKeys()
{
    static const QStringList keys = {
        QStringLiteral("email"),         QStringLiteral("phone"),   QStringLiteral("sms_number"),
        QStringLiteral("eligibility"),   QStringLiteral("address"), QStringLiteral("top_departments"),
        QStringLiteral("subscriptions"), QStringLiteral("gender"),  QStringLiteral("birth_date"),
        QStringLiteral("country"),       QStringLiteral("city"),    QStringLiteral("registered"),
        QStringLiteral("language"),
    };
    return keys;
}

QString SidebarAttributes::label(const QString &key)
{
    if (key == u"email") {
        return tr("E-mail");
    }
    if (key == u"phone") {
        return tr("Phone");
    }
    if (key == u"sms_number") {
        return tr("SMS number");
    }
    if (key == u"eligibility") {
        return tr("Campaigns");
    }
    if (key == u"address") {
        return tr("Address");
    }
    if (key == u"top_departments") {
        return tr("Top Departments");
    }
    if (key == u"subscriptions") {
        return tr("Subscriptions");
    }
    if (key == u"gender") {
        return tr("Gender");
    }
    if (key == u"birth_date") {
        return tr("Date of birth");
    }
    if (key == u"country") {
        return tr("Country");
    }
    if (key == u"city") {
        return tr("City");
    }
    if (key == u"registered") {
        return tr("Registered");
    }
    if (key == u"language") {
        return tr("Language");
    }
    return {};
}

QStringList SidebarAttributes::parse(const QString &value)
{
    if (value.trimmed() == kNone) {
        return {};
    }
    QStringList keys;
    QSet<QString> seen;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.trimmed();
        if (allKeys().contains(key) && !seen.contains(key)) {
            seen.insert(key);
            keys << key;
        }
    }
    return keys;
}

QString SidebarAttributes::serialize(const QStringList &keys)
{
    return keys.isEmpty() ? kNone : keys.join(u',');
}

Result<QStringList> SidebarAttributes::load(SettingsStore &settings)
{
    auto stored = settings.value(SettingKey);
    if (!stored) {
        return stored.error();
    }
    if (stored->isEmpty()) {
        return defaultKeys();
    }
    return parse(*stored);
}

Status SidebarAttributes::save(SettingsStore &settings, const QStringList &keys)
{
    for (const QString &key : keys) {
        if (!allKeys().contains(key)) {
            return Error::make(ErrorKind::Invalid, tr("The sidebar cannot show “%1”.").arg(key));
        }
    }
    return settings.setValue(SettingKey, serialize(keys));
}

} // namespace Gavel::Models
