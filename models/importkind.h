#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gavel::Models {

/// What a file holds, and so where its rows go.
enum class ImportKind
{
    Customers,
    Legend, ///< departments, categories and sub-categories
    Lots,   ///< sales and their lots (also the LiveAuctioneers catalogue layout)
    Bids,   ///< bids, including winning bids
    Wishlists,
    Consignments,
    Invoices,       ///< one row per invoice line
    CampaignEvents, ///< campaigns and per-recipient sends, opens, clicks, unsubscribes, control group
    Mailchimp,      ///< one file of a Mailchimp audience export (or the export's ZIP)
    SmsEvents,
    WebEvents,
};

/// A target field of a kind: what the importer fills from a column (or a fixed value).
struct ImportField
{
    QString key;   ///< stable, used in saved mappings and on the command line
    QString label; ///< what people see (translated)
    bool required = false;
    QStringList headers; ///< column headings that mean this field in known exports
};

const QList<ImportKind> &allImportKinds();
/// "customers", "legend", "lots", "bids", "wishlists", "consignments", "invoices",
/// "campaign-events", "mailchimp", "sms-events", "web-events".
QString importKindKey(ImportKind kind);
std::optional<ImportKind> importKindFromKey(const QString &key);
/// What people read ("Sales and lots"); translated.
QString importKindLabel(ImportKind kind);
/// The fields of a kind, in the order the mapping shows them.
const QList<ImportField> &importFields(ImportKind kind);
/// Index of `key` in importFields(kind), or -1.
int importFieldIndex(ImportKind kind, const QString &key);

/// A heading reduced for matching: case, spaces and punctuation ignored ("E-mail Address" →
/// "emailaddress").
QString normalisedHeader(const QString &header);

} // namespace Gavel::Models
