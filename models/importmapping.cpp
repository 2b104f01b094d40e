#include "importmapping.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Gavel::Models {

ImportMapping ImportMapping::automatic(ImportKind kind, const QStringList &headers)
{
    ImportMapping mapping;
    QSet<int> taken;
    const QList<ImportField> &fields = importFields(kind);
    const auto take = [&](const ImportField &field, const QString &wanted) {
        const QString key = normalisedHeader(wanted);
        for (qsizetype i = 0; i < headers.size(); ++i) {
            if (!taken.contains(static_cast<int>(i)) && normalisedHeader(headers.at(i)) == key) {
                taken.insert(static_cast<int>(i));
                mapping.columns.insert(field.key, headers.at(i));
                return true;
            }
        }
        return false;
    };
    // Exact headings first (LiveAuctioneers' are case-sensitive and specific), then the
    // field's own label and key, so that "Title" goes to the title, not a synonym's field.
    for (int pass = 0; pass < 2; ++pass) {
        for (const ImportField &field : fields) {
            if (mapping.columns.contains(field.key)) {
                continue;
            }
            if (pass == 0) {
                for (const QString &header : field.headers) {
                    if (take(field, header)) {
                        break;
                    }
                }
            } else if (!take(field, field.key)) {
                take(field, field.label);
            }
        }
    }
    return mapping;
}

QStringList ImportMapping::missingRequired(ImportKind kind, const QStringList &headers) const
{
    QStringList missing;
    for (const ImportField &field : importFields(kind)) {
        if (!field.required) {
            continue;
        }
        const bool column = columns.contains(field.key) && headers.contains(columns.value(field.key));
        const bool fixed = !fixedValues.value(field.key).trimmed().isEmpty();
        if (!column && !fixed) {
            missing << field.label;
        }
    }
    return missing;
}

QString ImportMapping::toJson() const
{
    QJsonObject columnObject;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        columnObject.insert(it.key(), it.value());
    }
    QJsonObject fixedObject;
    for (auto it = fixedValues.begin(); it != fixedValues.end(); ++it) {
        fixedObject.insert(it.key(), it.value());
    }
    QJsonObject root;
    root.insert(QStringLiteral("columns"), columnObject);
    root.insert(QStringLiteral("fixed"), fixedObject);
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

Result<ImportMapping> ImportMapping::fromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!document.isObject()) {
        return Error::make(ErrorKind::Invalid,
                           QCoreApplication::translate("ImportMapping", "The saved mapping cannot be read."),
                           error.errorString());
    }
    ImportMapping mapping;
    const QJsonObject columnObject = document.object().value(QStringLiteral("columns")).toObject();
    for (auto it = columnObject.begin(); it != columnObject.end(); ++it) {
        mapping.columns.insert(it.key(), it.value().toString());
    }
    const QJsonObject fixedObject = document.object().value(QStringLiteral("fixed")).toObject();
    for (auto it = fixedObject.begin(); it != fixedObject.end(); ++it) {
        mapping.fixedValues.insert(it.key(), it.value().toString());
    }
    return mapping;
}

} // namespace Gavel::Models
