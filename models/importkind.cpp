#include "importkind.h"

#include <QCoreApplication>
#include <QHash>

#include <map>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ImportKind", text);
}

ImportField field(const char *key, const char *label, bool required, QStringList headers)
{
    return ImportField{QString::fromLatin1(key), tr(label), required, std::move(headers)};
}

// Headings shared by several kinds.
const QStringList kCustomerRef = {QStringLiteral("Customer ID"),     QStringLiteral("Customer Email or ID"),
                                  QStringLiteral("Customer"),        QStringLiteral("Customer No"),
                                  QStringLiteral("Customer Number"), QStringLiteral("Buyer"),
                                  QStringLiteral("Bidder"),          QStringLiteral("Email"),
                                  QStringLiteral("Email Address"),   QStringLiteral("E-mail")};
const QStringList kSaleNo = {QStringLiteral("Auction Number"), QStringLiteral("Sale Number"),
                             QStringLiteral("Sale"),           QStringLiteral("Sale No"),
                             QStringLiteral("Auction"),        QStringLiteral("Auction No"),
                             QStringLiteral("Auction ID"),     QStringLiteral("Sale ID")};
const QStringList kLotNo = {QStringLiteral("Lot Number"), QStringLiteral("LotNum"), QStringLiteral("Lot"),
                            QStringLiteral("Lot No"), QStringLiteral("Lot #")};

QList<ImportField> customerFields()
{
    return {
        field("customer_no", "Customer ID", false,
              {QStringLiteral("Customer ID"), QStringLiteral("Customer No"), QStringLiteral("Customer Number"),
               QStringLiteral("Client ID"), QStringLiteral("ID")}),
        field("email", "E-mail", false,
              {QStringLiteral("Email"), QStringLiteral("Email Address"), QStringLiteral("E-mail"),
               QStringLiteral("Mail")}),
        field("title", "Title", false, {QStringLiteral("Title"), QStringLiteral("Salutation")}),
        field("first_name", "First name", false,
              {QStringLiteral("First Name"), QStringLiteral("Forename"), QStringLiteral("Given Name"),
               QStringLiteral("FNAME")}),
        field("last_name", "Last name", false,
              {QStringLiteral("Last Name"), QStringLiteral("Surname"), QStringLiteral("Family Name"),
               QStringLiteral("LNAME")}),
        field("company", "Company", false,
              {QStringLiteral("Company"), QStringLiteral("Organisation"), QStringLiteral("Organization")}),
        field("phone", "Phone", false,
              {QStringLiteral("Phone"), QStringLiteral("Phone Number"), QStringLiteral("Telephone"),
               QStringLiteral("Tel")}),
        field("sms_number", "SMS number", false,
              {QStringLiteral("SMS Phone Number"), QStringLiteral("Mobile"), QStringLiteral("Mobile Phone"),
               QStringLiteral("SMS Number")}),
        field("address_line1", "Address", false,
              {QStringLiteral("Address"), QStringLiteral("Address 1"), QStringLiteral("Address Line 1"),
               QStringLiteral("Street")}),
        field("address_line2", "Address (second line)", false,
              {QStringLiteral("Address 2"), QStringLiteral("Address Line 2")}),
        field("city", "City", false, {QStringLiteral("City"), QStringLiteral("Town")}),
        field(
            "region", "Region", false,
            {QStringLiteral("State"), QStringLiteral("Region"), QStringLiteral("County"), QStringLiteral("Province")}),
        field("postal_code", "Postal code", false,
              {QStringLiteral("Postal Code"), QStringLiteral("Postcode"), QStringLiteral("ZIP"),
               QStringLiteral("ZIP Code")}),
        field("country", "Country", false, {QStringLiteral("Country"), QStringLiteral("CC")}),
        field("language", "Language", false, {QStringLiteral("Language")}),
        field("source", "Source", false, {QStringLiteral("Source")}),
        field("subscription", "E-mail subscription", false,
              {QStringLiteral("Subscription Status"), QStringLiteral("Email Subscription Status")}),
        field("sms_subscription", "SMS subscription", false, {QStringLiteral("SMS Subscription Status")}),
        field("departments", "Departments", false, {QStringLiteral("Departments"), QStringLiteral("Department")}),
        field("tags", "Tags", false, {QStringLiteral("Tags"), QStringLiteral("Labels")}),
    };
}

QList<ImportField> legendFields()
{
    return {
        field("department_code", "Department code", true, {QStringLiteral("Department Code"), QStringLiteral("Dept")}),
        field("department_name", "Department", false,
              {QStringLiteral("Department"), QStringLiteral("Department Name")}),
        field("category_code", "Category code", false, {QStringLiteral("Category Code")}),
        field("category_name", "Category", false, {QStringLiteral("Category"), QStringLiteral("Category Name")}),
        field("subcategory_code", "Sub-category code", false,
              {QStringLiteral("Sub-category Code"), QStringLiteral("Subcategory Code")}),
        field("subcategory_name", "Sub-category", false,
              {QStringLiteral("Sub-category"), QStringLiteral("Subcategory")}),
    };
}

QList<ImportField> lotFields()
{
    return {
        field("sale_no", "Sale number", true, kSaleNo),
        field("sale_title", "Sale title", false,
              {QStringLiteral("Auction Title"), QStringLiteral("Sale Title"), QStringLiteral("Auction Name")}),
        field("sale_date", "Sale date", false, {QStringLiteral("Auction Date"), QStringLiteral("Sale Date")}),
        field("lot_no", "Lot number", true, kLotNo),
        field("title", "Title", true, {QStringLiteral("Title"), QStringLiteral("Lot Title")}),
        field("description", "Description", false, {QStringLiteral("Description")}),
        field("maker", "Artist or maker", false,
              {QStringLiteral("Creator"), QStringLiteral("Artist"), QStringLiteral("Maker")}),
        field("medium", "Medium", false,
              {QStringLiteral("Materials & Techniques"), QStringLiteral("Material"), QStringLiteral("Medium")}),
        field("dimensions", "Dimensions", false, {QStringLiteral("Dimensions")}),
        field("date_text", "Date", false,
              {QStringLiteral("Style & Period"), QStringLiteral("Period"), QStringLiteral("Date Made")}),
        field("provenance", "Provenance", false, {QStringLiteral("Provenance"), QStringLiteral("Origin")}),
        field("condition_report", "Condition", false,
              {QStringLiteral("Condition"), QStringLiteral("Condition Report")}),
        field("low_estimate", "Low estimate", false, {QStringLiteral("LowEst"), QStringLiteral("Low Estimate")}),
        field("high_estimate", "High estimate", false, {QStringLiteral("HighEst"), QStringLiteral("High Estimate")}),
        field("start_price", "Starting price", false,
              {QStringLiteral("StartPrice"), QStringLiteral("Start Price"), QStringLiteral("Opening Bid")}),
        field("reserve", "Reserve", false, {QStringLiteral("Reserve Price"), QStringLiteral("Reserve")}),
        field("hammer", "Hammer price", false,
              {QStringLiteral("Price"), QStringLiteral("Hammer"), QStringLiteral("Hammer Price"),
               QStringLiteral("Sold Price")}),
        field("currency", "Currency", false, {QStringLiteral("Currency")}),
        field("status", "Status", false, {QStringLiteral("Status")}),
        field("category", "Category", false, {QStringLiteral("Category"), QStringLiteral("Categories")}),
        field("department", "Department", false, {QStringLiteral("Department")}),
        field("source_ref", "Reference", false, {QStringLiteral("Lot Reference Number"), QStringLiteral("Reference")}),
        field("consignment_no", "Consignment", false,
              {QStringLiteral("Consigner"), QStringLiteral("Consignor"), QStringLiteral("Consignment")}),
    };
}

QList<ImportField> bidFields()
{
    return {
        field("sale_no", "Sale number", true, kSaleNo),
        field("lot_no", "Lot number", true, kLotNo),
        field("customer", "Customer ID or e-mail", true, kCustomerRef),
        field("amount", "Bid", true,
              {QStringLiteral("Bid or Sold Price"), QStringLiteral("Bid"), QStringLiteral("Amount"),
               QStringLiteral("Bid Amount"), QStringLiteral("Sold Price")}),
        field("placed_at", "Placed at", false,
              {QStringLiteral("Bid Date"), QStringLiteral("Date"), QStringLiteral("Time"), QStringLiteral("Placed At"),
               QStringLiteral("Timestamp")}),
        field("winning", "Winning bid", false,
              {QStringLiteral("Winning"), QStringLiteral("Won"), QStringLiteral("Winner"), QStringLiteral("Sold")}),
        field("channel", "Channel", false, {QStringLiteral("Channel"), QStringLiteral("Bid Type")}),
        field("currency", "Currency", false, {QStringLiteral("Currency")}),
    };
}

QList<ImportField> wishlistFields()
{
    return {
        field("sale_no", "Sale number", true, kSaleNo),
        field("lot_no", "Lot number", true, kLotNo),
        field("customer", "Customer ID or e-mail", true, kCustomerRef),
        field("added_at", "Added at", false,
              {QStringLiteral("Date"), QStringLiteral("Added"), QStringLiteral("Added At")}),
    };
}

QList<ImportField> consignmentFields()
{
    return {
        field("consignment_no", "Consignment number", true,
              {QStringLiteral("Consignment Number"), QStringLiteral("Consignment"), QStringLiteral("Receipt")}),
        field("customer", "Consignor (Customer ID or e-mail)", true,
              QStringList{QStringLiteral("Consignor"), QStringLiteral("Consigner")} + kCustomerRef),
        field("received_at", "Received", false,
              {QStringLiteral("Received"), QStringLiteral("Date Received"), QStringLiteral("Date")}),
        field("status", "Status", false, {QStringLiteral("Status")}),
        field("department", "Department", false, {QStringLiteral("Department")}),
        field("description", "Description", false, {QStringLiteral("Description")}),
        field("specialist", "Specialist", false, {QStringLiteral("Specialist")}),
    };
}

QList<ImportField> invoiceFields()
{
    return {
        field("invoice_no", "Invoice number", true,
              {QStringLiteral("Invoice Number"), QStringLiteral("Invoice"), QStringLiteral("Invoice No")}),
        field("customer", "Customer ID or e-mail", true, kCustomerRef),
        field("issued_at", "Issued", true,
              {QStringLiteral("Invoice Date"), QStringLiteral("Issued"), QStringLiteral("Date")}),
        field("sale_no", "Sale number", false, kSaleNo),
        field("lot_no", "Lot number", false, kLotNo),
        field("line_no", "Line", false, {QStringLiteral("Line"), QStringLiteral("Line No")}),
        field("description", "Line description", false, {QStringLiteral("Description"), QStringLiteral("Item")}),
        field("hammer", "Hammer price", false, {QStringLiteral("Hammer"), QStringLiteral("Hammer Price")}),
        field("premium", "Buyer's premium", false,
              {QStringLiteral("Premium"), QStringLiteral("Buyer's Premium"), QStringLiteral("Buyers Premium")}),
        field("tax", "Tax", false, {QStringLiteral("Tax"), QStringLiteral("VAT")}),
        field("amount", "Line amount", false,
              {QStringLiteral("Amount"), QStringLiteral("Line Total"), QStringLiteral("Total")}),
        field("delivery", "Delivery", false, {QStringLiteral("Delivery"), QStringLiteral("Shipping")}),
        field("status", "Status", false, {QStringLiteral("Status"), QStringLiteral("Payment Status")}),
        field("due_at", "Due", false, {QStringLiteral("Due"), QStringLiteral("Due Date")}),
        field("paid_at", "Paid", false,
              {QStringLiteral("Paid"), QStringLiteral("Paid Date"), QStringLiteral("Payment Date")}),
        field("payment_method", "Payment method", false, {QStringLiteral("Payment Method")}),
        field("currency", "Currency", false, {QStringLiteral("Currency")}),
    };
}

QList<ImportField> campaignFields()
{
    return {
        field("campaign_key", "Campaign ID", true,
              {QStringLiteral("Campaign ID"), QStringLiteral("Campaign Key"), QStringLiteral("Campaign")}),
        field("campaign_name", "Campaign name", false,
              {QStringLiteral("Campaign Name"), QStringLiteral("Campaign Title"), QStringLiteral("Name")}),
        field("subject", "Subject", false, {QStringLiteral("Subject"), QStringLiteral("Subject Line")}),
        field("channel", "Channel", false, {QStringLiteral("Channel")}),
        field("customer", "Customer ID or e-mail", true, kCustomerRef),
        field("event", "Event", true,
              {QStringLiteral("Event"), QStringLiteral("Action"), QStringLiteral("Activity"), QStringLiteral("Type")}),
        field("at", "Time", false,
              {QStringLiteral("Timestamp"), QStringLiteral("Time"), QStringLiteral("Date"),
               QStringLiteral("Event Time")}),
    };
}

QList<ImportField> mailchimpFields()
{
    return {
        field("email", "E-mail", true, {QStringLiteral("Email Address")}),
        field("first_name", "First name", false, {QStringLiteral("First Name")}),
        field("last_name", "Last name", false, {QStringLiteral("Last Name")}),
        field("company", "Company", false, {QStringLiteral("Company")}),
        field("phone", "Phone", false, {QStringLiteral("Phone Number"), QStringLiteral("Phone")}),
        field("postal_code", "Postal code", false, {QStringLiteral("ZIP Code"), QStringLiteral("Postcode")}),
        field("country", "Country", false, {QStringLiteral("CC")}),
        field("optin_time", "Opted in", false, {QStringLiteral("OPTIN_TIME"), QStringLiteral("CONFIRM_TIME")}),
        field("unsub_time", "Unsubscribed", false, {QStringLiteral("UNSUB_TIME")}),
        field("clean_time", "Cleaned", false, {QStringLiteral("CLEAN_TIME")}),
        field("tags", "Tags", false, {QStringLiteral("TAGS")}),
        field("status", "Audience status", false, {QStringLiteral("Status")}),
    };
}

QList<ImportField> smsFields()
{
    return {
        field("customer", "Customer ID, e-mail or mobile", true,
              QStringList{QStringLiteral("Phone Number"), QStringLiteral("Mobile"), QStringLiteral("To")} +
                  kCustomerRef),
        field("event", "Event", true, {QStringLiteral("Event"), QStringLiteral("Status"), QStringLiteral("Type")}),
        field("at", "Time", true,
              {QStringLiteral("Timestamp"), QStringLiteral("Time"), QStringLiteral("Date"), QStringLiteral("Sent At")}),
        field("campaign_key", "Campaign ID", false, {QStringLiteral("Campaign ID"), QStringLiteral("Campaign")}),
        field("message", "Message", false, {QStringLiteral("Message"), QStringLiteral("Text"), QStringLiteral("Body")}),
    };
}

QList<ImportField> webFields()
{
    return {
        field("customer", "Customer ID or e-mail", true, kCustomerRef),
        field("event", "Event", true, {QStringLiteral("Event"), QStringLiteral("Action"), QStringLiteral("Type")}),
        field("at", "Time", true, {QStringLiteral("Timestamp"), QStringLiteral("Time"), QStringLiteral("Date")}),
        field("url", "Page", false, {QStringLiteral("URL"), QStringLiteral("Page"), QStringLiteral("Page URL")}),
        field("sale_no", "Sale number", false, kSaleNo),
        field("lot_no", "Lot number", false, kLotNo),
    };
}

const std::map<ImportKind, QList<ImportField>> &fieldTable()
{
    static const std::map<ImportKind, QList<ImportField>> table = {
        {ImportKind::Customers, customerFields()},
        {ImportKind::Legend, legendFields()},
        {ImportKind::Lots, lotFields()},
        {ImportKind::Bids, bidFields()},
        {ImportKind::Wishlists, wishlistFields()},
        {ImportKind::Consignments, consignmentFields()},
        {ImportKind::Invoices, invoiceFields()},
        {ImportKind::CampaignEvents, campaignFields()},
        {ImportKind::Mailchimp, mailchimpFields()},
        {ImportKind::SmsEvents, smsFields()},
        {ImportKind::WebEvents, webFields()},
    };
    return table;
}

} // namespace

const QList<ImportKind> &allImportKinds()
{
    static const QList<ImportKind> kinds = {
        ImportKind::Customers, ImportKind::Legend,       ImportKind::Lots,      ImportKind::Bids,
        ImportKind::Wishlists, ImportKind::Consignments, ImportKind::Invoices,  ImportKind::CampaignEvents,
        ImportKind::Mailchimp, ImportKind::SmsEvents,    ImportKind::WebEvents,
    };
    return kinds;
}

QString importKindKey(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Customers:
        return QStringLiteral("customers");
    case ImportKind::Legend:
        return QStringLiteral("legend");
    case ImportKind::Lots:
        return QStringLiteral("lots");
    case ImportKind::Bids:
        return QStringLiteral("bids");
    case ImportKind::Wishlists:
        return QStringLiteral("wishlists");
    case ImportKind::Consignments:
        return QStringLiteral("consignments");
    case ImportKind::Invoices:
        return QStringLiteral("invoices");
    case ImportKind::CampaignEvents:
        return QStringLiteral("campaign-events");
    case ImportKind::Mailchimp:
        return QStringLiteral("mailchimp");
    case ImportKind::SmsEvents:
        return QStringLiteral("sms-events");
    case ImportKind::WebEvents:
        return QStringLiteral("web-events");
    }
    return {};
}

std::optional<ImportKind> importKindFromKey(const QString &key)
{
    for (const ImportKind kind : allImportKinds()) {
        if (importKindKey(kind) == key.trimmed().toLower()) {
            return kind;
        }
    }
    return std::nullopt;
}

QString importKindLabel(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Customers:
        return tr("Customers");
    case ImportKind::Legend:
        return tr("Departments and categories");
    case ImportKind::Lots:
        return tr("Sales and lots");
    case ImportKind::Bids:
        return tr("Bids (including winning bids)");
    case ImportKind::Wishlists:
        return tr("Wishlists");
    case ImportKind::Consignments:
        return tr("Consignments");
    case ImportKind::Invoices:
        return tr("Invoices with lines");
    case ImportKind::CampaignEvents:
        return tr("Campaigns and recipient events");
    case ImportKind::Mailchimp:
        return tr("Mailchimp audience export");
    case ImportKind::SmsEvents:
        return tr("SMS events");
    case ImportKind::WebEvents:
        return tr("Website events");
    }
    return {};
}

const QList<ImportField> &importFields(ImportKind kind)
{
    return fieldTable().at(kind);
}

int importFieldIndex(ImportKind kind, const QString &key)
{
    const QList<ImportField> &fields = importFields(kind);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields.at(i).key == key) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString normalisedHeader(const QString &header)
{
    QString key;
    key.reserve(header.size());
    for (const QChar c : header) {
        if (c.isLetterOrNumber()) {
            key += c.toLower();
        } else if (c == u'#' || c == u'&') {
            key += c;
        }
    }
    return key;
}

} // namespace Gavel::Models
