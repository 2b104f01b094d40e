#include "profileexporter.h"

#include "auditstore.h"
#include "database.h"
#include "epoch.h"
#include "eventkind.h"
#include "jsonstreamwriter.h"
#include "settingsstore.h"
#include "sql.h"
#include "transaction.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace Gavel::Models {

namespace {

const QString kFormat = QStringLiteral("gavel-profile-export");

/// How a column (two for money) becomes a JSON value; see the header for the formats.
enum class As
{
    Text,
    Integer,
    Real,
    Flag,
    Time,       ///< epoch seconds → ISO 8601 UTC; 0 is null
    Date,       ///< 'YYYY-MM-DD' as stored; '' is null
    Money,      ///< amount and currency columns → {"currency", "minor"}
    HouseMoney, ///< an amount in the house currency, which has no column
    EventKind,  ///< events.kind → eventKindKey()
    Json,       ///< parsed when valid JSON, else the text
};

struct Field
{
    const char *key;
    As as;
    const char *expression;
    const char *currency = nullptr; ///< As::Money: the currency's column
};

/// Child rows written inside their parent (an invoice's lines).
struct Nested
{
    const char *key = nullptr;
    const char *presence = nullptr; ///< a child column that is NULL when the LEFT JOIN found none
    std::vector<Field> fields;
};

/// One top-level array: a constant query whose every ? is the customer's local id. The
/// statement is assembled from these constant pieces only; nothing else is spliced in.
struct SectionSpec
{
    const char *key;
    const char *what; ///< for error messages: "reading the %1 for the export"
    const char *from; ///< FROM … WHERE …
    const char *orderBy;
    std::vector<Field> fields;
    const char *group = nullptr; ///< with children: the parent's local id, used to group rows only
    Nested nested = {};
};

// The specs are tables: one field a line reads better than the formatter's layout.
// clang-format off
// Joins to invoices also check that the invoice is this customer's own, so that a
// mislinked row can never put someone else's invoice number into this export.
const SectionSpec &customerSpec()
{
    static const SectionSpec spec{
        "customer", "customer record", "FROM customers c WHERE c.id = ?", "c.id",
        {
            {"uuid", As::Text, "c.uuid"},
            {"customerNo", As::Text, "c.customer_no"},
            {"title", As::Text, "c.title"},
            {"firstName", As::Text, "c.first_name"},
            {"lastName", As::Text, "c.last_name"},
            {"company", As::Text, "c.company"},
            {"email", As::Text, "c.email"},
            {"phone", As::Text, "c.phone"},
            {"smsNumber", As::Text, "c.sms_number"},
            {"addressLine1", As::Text, "c.address_line1"},
            {"addressLine2", As::Text, "c.address_line2"},
            {"city", As::Text, "c.city"},
            {"region", As::Text, "c.region"},
            {"postalCode", As::Text, "c.postal_code"},
            {"country", As::Text, "c.country"},
            {"gender", As::Text, "c.gender"},
            {"birthDate", As::Date, "c.birth_date"},
            {"language", As::Text, "c.language"},
            {"registeredAt", As::Time, "c.registered_at"},
            {"vip", As::Flag, "c.vip"},
            {"source", As::Text, "c.source"},
            {"sortName", As::Text, "c.sort_name"},
            {"lastActivityAt", As::Time, "c.last_activity_at"},
            {"totalSpent", As::HouseMoney, "c.total_spent_minor"},
            {"createdAt", As::Time, "c.created_at"},
            {"updatedAt", As::Time, "c.updated_at"},
            {"updatedBy", As::Text, "c.updated_by"},
            {"version", As::Integer, "c.version"},
        },
    };
    return spec;
}

const std::vector<SectionSpec> &sectionSpecs()
{
    static const std::vector<SectionSpec> specs = {
        {"departments", "departments",
         "FROM customer_departments cd JOIN departments d ON d.id = cd.department_id WHERE cd.customer_id = ?",
         "cd.added_at, d.code",
         {
             {"code", As::Text, "d.code"},
             {"name", As::Text, "d.name"},
             {"source", As::Text, "cd.source"},
             {"addedAt", As::Time, "cd.added_at"},
             {"addedBy", As::Text, "cd.added_by"},
         }},
        {"bids", "bids",
         "FROM bids b JOIN lots l ON l.id = b.lot_id JOIN sales s ON s.id = l.sale_id"
         " LEFT JOIN venues v ON v.id = b.platform_id WHERE b.customer_id = ?",
         "b.placed_at, s.sale_no, l.lot_seq, l.lot_no, b.amount_minor",
         {
             {"saleNo", As::Text, "s.sale_no"},
             {"lotNo", As::Text, "l.lot_no"},
             {"lotTitle", As::Text, "l.title"},
             {"amount", As::Money, "b.amount_minor", "b.currency"},
             {"placedAt", As::Time, "b.placed_at"},
             {"channel", As::Text, "b.channel"},
             {"platform", As::Text, "v.name"},
             {"isWinning", As::Flag, "b.is_winning"},
         }},
        // The lot's consignment and reserve belong to the consignor, not to the buyer.
        {"lotsBought", "lots bought",
         "FROM lots l JOIN sales s ON s.id = l.sale_id LEFT JOIN departments d ON d.id = l.department_id"
         " LEFT JOIN categories cat ON cat.id = l.category_id WHERE l.buyer_id = ?",
         "s.starts_at, s.sale_no, l.lot_seq, l.lot_no",
         {
             {"saleNo", As::Text, "s.sale_no"},
             {"saleTitle", As::Text, "s.title"},
             {"saleStartsAt", As::Time, "s.starts_at"},
             {"lotNo", As::Text, "l.lot_no"},
             {"title", As::Text, "l.title"},
             {"maker", As::Text, "l.maker"},
             {"department", As::Text, "d.name"},
             {"category", As::Text, "cat.name"},
             {"lowEstimate", As::Money, "l.low_estimate_minor", "l.currency"},
             {"highEstimate", As::Money, "l.high_estimate_minor", "l.currency"},
             {"hammer", As::Money, "l.hammer_minor", "l.currency"},
             {"status", As::Text, "l.status"},
         }},
        {"wishlists", "wishlist",
         "FROM wishlists w JOIN lots l ON l.id = w.lot_id JOIN sales s ON s.id = l.sale_id WHERE w.customer_id = ?",
         "w.added_at, s.sale_no, l.lot_seq, l.lot_no",
         {
             {"saleNo", As::Text, "s.sale_no"},
             {"lotNo", As::Text, "l.lot_no"},
             {"lotTitle", As::Text, "l.title"},
             {"addedAt", As::Time, "w.added_at"},
         }},
        // A consigned lot's buyer is another customer and stays out.
        {"consignments", "consignments",
         "FROM consignments c LEFT JOIN departments d ON d.id = c.department_id"
         " LEFT JOIN lots l ON l.consignment_id = c.id LEFT JOIN sales s ON s.id = l.sale_id WHERE c.customer_id = ?",
         "c.received_at, c.uuid, s.starts_at, s.sale_no, l.lot_seq, l.lot_no",
         {
             {"uuid", As::Text, "c.uuid"},
             {"consignmentNo", As::Text, "c.consignment_no"},
             {"department", As::Text, "d.name"},
             {"receivedAt", As::Time, "c.received_at"},
             {"status", As::Text, "c.status"},
             {"description", As::Text, "c.description"},
             {"specialist", As::Text, "c.specialist"},
             {"version", As::Integer, "c.version"},
             {"updatedAt", As::Time, "c.updated_at"},
             {"updatedBy", As::Text, "c.updated_by"},
         },
         "c.id",
         {"lots",
          "l.id",
          {
              {"saleNo", As::Text, "s.sale_no"},
              {"lotNo", As::Text, "l.lot_no"},
              {"title", As::Text, "l.title"},
              {"status", As::Text, "l.status"},
              {"lowEstimate", As::Money, "l.low_estimate_minor", "l.currency"},
              {"highEstimate", As::Money, "l.high_estimate_minor", "l.currency"},
              {"reserve", As::Money, "l.reserve_minor", "l.currency"},
              {"hammer", As::Money, "l.hammer_minor", "l.currency"},
          }}},
        {"saleRegistrations", "sale registrations",
         "FROM sale_registrations r JOIN sales s ON s.id = r.sale_id LEFT JOIN venues v ON v.id = r.platform_id"
         " WHERE r.customer_id = ?",
         "r.registered_at, s.sale_no",
         {
             {"saleNo", As::Text, "s.sale_no"},
             {"saleTitle", As::Text, "s.title"},
             {"paddleNo", As::Text, "r.paddle_no"},
             {"platform", As::Text, "v.name"},
             {"registeredAt", As::Time, "r.registered_at"},
         }},
        {"invoices", "invoices",
         "FROM invoices i LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN venues v ON v.id = i.venue_id"
         " LEFT JOIN invoice_lines il ON il.invoice_id = i.id LEFT JOIN lots l ON l.id = il.lot_id"
         " LEFT JOIN sales ls ON ls.id = l.sale_id WHERE i.customer_id = ?",
         "i.issued_at, i.invoice_no, il.line_no",
         {
             {"invoiceNo", As::Text, "i.invoice_no"},
             {"saleNo", As::Text, "s.sale_no"},
             {"venue", As::Text, "v.name"},
             {"issuedAt", As::Time, "i.issued_at"},
             {"dueAt", As::Time, "i.due_at"},
             {"paidAt", As::Time, "i.paid_at"},
             {"status", As::Text, "i.status"},
             {"hammer", As::Money, "i.hammer_minor", "i.currency"},
             {"premium", As::Money, "i.premium_minor", "i.currency"},
             {"tax", As::Money, "i.tax_minor", "i.currency"},
             {"delivery", As::Money, "i.delivery_minor", "i.currency"},
             {"total", As::Money, "i.total_minor", "i.currency"},
             {"paymentMethod", As::Text, "i.payment_method"},
             {"version", As::Integer, "i.version"},
             {"updatedAt", As::Time, "i.updated_at"},
             {"updatedBy", As::Text, "i.updated_by"},
         },
         "i.id",
         {"lines",
          "il.id",
          {
              {"lineNo", As::Integer, "il.line_no"},
              {"saleNo", As::Text, "ls.sale_no"},
              {"lotNo", As::Text, "l.lot_no"},
              {"description", As::Text, "il.description"},
              {"hammer", As::Money, "il.hammer_minor", "i.currency"},
              {"premium", As::Money, "il.premium_minor", "i.currency"},
              {"tax", As::Money, "il.tax_minor", "i.currency"},
              {"amount", As::Money, "il.amount_minor", "i.currency"},
          }}},
        {"campaignMemberships", "mailings",
         "FROM campaign_recipients cr JOIN campaigns c ON c.id = cr.campaign_id"
         " LEFT JOIN subscription_categories sc ON sc.id = c.category_id LEFT JOIN sales s ON s.id = c.sale_id"
         " WHERE cr.customer_id = ?",
         "COALESCE(cr.sent_at, c.sent_at, 0), c.campaign_key",
         {
             {"campaignKey", As::Text, "c.campaign_key"},
             {"name", As::Text, "c.name"},
             {"channel", As::Text, "c.channel"},
             {"category", As::Text, "sc.code"},
             {"programme", As::Text, "c.programme"},
             {"subject", As::Text, "c.subject"},
             {"saleNo", As::Text, "s.sale_no"},
             {"campaignSentAt", As::Time, "c.sent_at"},
             {"inControl", As::Flag, "cr.in_control"},
             {"sentAt", As::Time, "cr.sent_at"},
             {"openedAt", As::Time, "cr.opened_at"},
             {"openCount", As::Integer, "cr.open_count"},
             {"clickedAt", As::Time, "cr.clicked_at"},
             {"clickCount", As::Integer, "cr.click_count"},
             {"unsubscribedAt", As::Time, "cr.unsubscribed_at"},
             {"bouncedAt", As::Time, "cr.bounced_at"},
         }},
        {"subscriptions", "subscriptions",
         "FROM subscriptions sub JOIN subscription_categories sc ON sc.id = sub.category_id"
         " WHERE sub.customer_id = ?",
         "sub.changed_at, sub.channel, sc.code",
         {
             {"channel", As::Text, "sub.channel"},
             {"category", As::Text, "sc.code"},
             {"categoryName", As::Text, "sc.name"},
             {"status", As::Text, "sub.status"},
             {"changedAt", As::Time, "sub.changed_at"},
             {"source", As::Text, "sub.source"},
             {"version", As::Integer, "sub.version"},
             {"updatedAt", As::Time, "sub.updated_at"},
             {"updatedBy", As::Text, "sub.updated_by"},
         }},
        {"promoCodes", "promo codes",
         "FROM promo_codes p LEFT JOIN campaigns c ON c.id = p.campaign_id"
         " LEFT JOIN invoices i ON i.id = p.invoice_id AND i.customer_id = p.customer_id WHERE p.customer_id = ?",
         "p.issued_at, p.code",
         {
             {"code", As::Text, "p.code"},
             {"campaignKey", As::Text, "c.campaign_key"},
             {"description", As::Text, "p.description"},
             {"issuedAt", As::Time, "p.issued_at"},
             {"redeemedAt", As::Time, "p.redeemed_at"},
             {"invoiceNo", As::Text, "i.invoice_no"},
             {"reissued", As::Flag, "p.reissued"},
         }},
        {"pollAnswers", "poll answers",
         "FROM poll_answers pa JOIN poll_questions q ON q.id = pa.question_id JOIN polls p ON p.id = q.poll_id"
         " LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE pa.customer_id = ?",
         "pa.answered_at, p.poll_key, q.position",
         {
             {"pollKey", As::Text, "p.poll_key"},
             {"poll", As::Text, "p.title"},
             {"campaignKey", As::Text, "c.campaign_key"},
             {"position", As::Integer, "q.position"},
             {"question", As::Text, "q.question"},
             {"answer", As::Text, "pa.answer"},
             {"answeredAt", As::Time, "pa.answered_at"},
         }},
        {"baskets", "baskets",
         "FROM baskets b LEFT JOIN venues v ON v.id = b.venue_id"
         " LEFT JOIN invoices i ON i.id = b.invoice_id AND i.customer_id = b.customer_id"
         " LEFT JOIN basket_items bi ON bi.basket_id = b.id LEFT JOIN lots l ON l.id = bi.lot_id"
         " LEFT JOIN sales s ON s.id = l.sale_id WHERE b.customer_id = ?",
         "b.created_at, b.id, bi.added_at, bi.id",
         {
             {"venue", As::Text, "v.name"},
             {"status", As::Text, "b.status"},
             {"createdAt", As::Time, "b.created_at"},
             {"abandonedAt", As::Time, "b.abandoned_at"},
             {"invoiceNo", As::Text, "i.invoice_no"},
         },
         "b.id",
         {"items",
          "bi.id",
          {
              {"name", As::Text, "bi.name"},
              {"saleNo", As::Text, "s.sale_no"},
              {"lotNo", As::Text, "l.lot_no"},
              {"price", As::Money, "bi.price_minor", "bi.currency"},
              {"quantity", As::Integer, "bi.quantity"},
              {"addedAt", As::Time, "bi.added_at"},
          }}},
        {"loyaltyLedger", "house credit",
         "FROM loyalty_ledger ll LEFT JOIN invoices i ON i.id = ll.invoice_id AND i.customer_id = ll.customer_id"
         " WHERE ll.customer_id = ?",
         "ll.created_at, ll.id",
         {
             {"kind", As::Text, "ll.kind"},
             {"amount", As::Money, "ll.amount_minor", "ll.currency"},
             {"createdAt", As::Time, "ll.created_at"},
             {"activatesAt", As::Time, "ll.activates_at"},
             {"expiresAt", As::Time, "ll.expires_at"},
             {"reason", As::Text, "ll.reason"},
             {"invoiceNo", As::Text, "i.invoice_no"},
         }},
        {"labels", "labels",
         "FROM customer_labels cl JOIN labels lb ON lb.id = cl.label_id WHERE cl.customer_id = ?",
         "cl.added_at, lb.name_key",
         {
             {"name", As::Text, "lb.name"},
             {"color", As::Text, "lb.color"},
             {"description", As::Text, "lb.description"},
             {"addedAt", As::Time, "cl.added_at"},
             {"addedBy", As::Text, "cl.added_by"},
         }},
        // The rule says why the customer is in the segment: profiling must be explainable.
        {"segmentMemberships", "segments",
         "FROM segment_members sm JOIN segments sg ON sg.id = sm.segment_id WHERE sm.customer_id = ?",
         "sm.since, sg.code",
         {
             {"code", As::Text, "sg.code"},
             {"name", As::Text, "sg.name"},
             {"description", As::Text, "sg.description"},
             {"rule", As::Text, "sg.rule"},
             {"since", As::Time, "sm.since"},
         }},
        {"tags", "tags",
         "FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?",
         "ct.updated_at, t.name_key",
         {
             {"uuid", As::Text, "ct.uuid"},
             {"tag", As::Text, "t.name"},
             {"kind", As::Text, "t.kind"},
             {"state", As::Text, "ct.state"},
             {"weight", As::Real, "ct.weight"},
             {"source", As::Text, "ct.source"},
             {"version", As::Integer, "ct.version"},
             {"updatedAt", As::Time, "ct.updated_at"},
             {"updatedBy", As::Text, "ct.updated_by"},
         }},
        {"notes", "notes",
         "FROM notes n WHERE n.customer_id = ?",
         "n.created_at, n.uuid",
         {
             {"uuid", As::Text, "n.uuid"},
             {"body", As::Text, "n.body"},
             {"pinned", As::Flag, "n.pinned"},
             {"author", As::Text, "n.author"},
             {"createdAt", As::Time, "n.created_at"},
             {"deleted", As::Flag, "CASE WHEN n.deleted_at IS NULL THEN 0 ELSE 1 END"},
             {"deletedAt", As::Time, "n.deleted_at"},
             {"version", As::Integer, "n.version"},
             {"updatedAt", As::Time, "n.updated_at"},
             {"updatedBy", As::Text, "n.updated_by"},
         }},
        // (customer_id, ts, id) is the primary key: one range scan in key order. A lot
        // event without a sale of its own takes its lot's.
        {"events", "timeline",
         "FROM events e LEFT JOIN campaigns c ON c.id = e.campaign_id LEFT JOIN sales s ON s.id = e.sale_id"
         " LEFT JOIN lots l ON l.id = e.lot_id LEFT JOIN sales ls ON ls.id = l.sale_id"
         " LEFT JOIN invoices i ON i.id = e.invoice_id AND i.customer_id = e.customer_id WHERE e.customer_id = ?",
         "e.ts, e.id",
         {
             {"kind", As::EventKind, "e.kind"},
             {"ts", As::Time, "e.ts"},
             {"campaignKey", As::Text, "c.campaign_key"},
             {"saleNo", As::Text, "COALESCE(s.sale_no, ls.sale_no)"},
             {"lotNo", As::Text, "l.lot_no"},
             {"invoiceNo", As::Text, "i.invoice_no"},
             {"amount", As::Money, "e.amount_minor", "e.currency"},
             {"info", As::Text, "e.info"},
             {"details", As::Json, "e.details"},
         }},
        // Changes to the customer's own row are recorded with customer_id; the OR also
        // catches any entry that names the customer only as its entity.
        {"auditLog", "audit log",
         "FROM audit_log a WHERE a.customer_id = ? OR (a.entity = 'customer' AND a.entity_id = ?)",
         "a.at, a.id",
         {
             {"at", As::Time, "a.at"},
             {"actor", As::Text, "a.actor"},
             {"entity", As::Text, "a.entity"},
             {"entityUuid", As::Text, "a.entity_uuid"},
             {"action", As::Text, "a.action"},
             {"field", As::Text, "a.field"},
             {"oldValue", As::Text, "a.old_value"},
             {"newValue", As::Text, "a.new_value"},
         }},
    };
    return specs;
}

// clang-format on

int columnCount(const Field &field)
{
    return field.as == As::Money ? 2 : 1;
}

void appendColumns(QStringList &columns, const std::vector<Field> &fields)
{
    for (const Field &field : fields) {
        columns << QLatin1String(field.expression);
        if (field.as == As::Money) {
            columns << QLatin1String(field.currency);
        }
    }
}

QString statementFor(const SectionSpec &spec)
{
    QStringList columns;
    if (spec.group) {
        columns << QLatin1String(spec.group) << QLatin1String(spec.nested.presence);
    }
    appendColumns(columns, spec.fields);
    appendColumns(columns, spec.nested.fields);
    return QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + u' ' + QLatin1String(spec.from) +
           QStringLiteral(" ORDER BY ") + QLatin1String(spec.orderBy);
}

/// "2024-03-01T18:30:00Z". (A QDateTime in QTimeZone::utc() would print "+00:00" in Qt 6.4;
/// Qt::UTC prints the "Z" the format promises.)
QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue money(const QVariant &amount, const QVariant &currency)
{
    if (amount.isNull()) {
        return QJsonValue::Null;
    }
    return QJsonObject{
        {QStringLiteral("minor"), amount.toLongLong()},
        {QStringLiteral("currency"), currency.isNull() ? QJsonValue(QJsonValue::Null) : currency.toString()},
    };
}

QJsonValue jsonOrText(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        return text;
    }
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

/// Reads one field starting at `column` and moves `column` past it.
QJsonValue readField(const QSqlQuery &query, int &column, const Field &field, const QString &houseCurrency)
{
    const QVariant value = query.value(column);
    column += columnCount(field);
    if (field.as == As::Money) {
        return money(value, query.value(column - 1));
    }
    if (value.isNull()) {
        return QJsonValue::Null;
    }
    switch (field.as) {
    case As::Text:
        return value.toString();
    case As::Integer:
        return value.toLongLong();
    case As::Real:
        return value.toDouble();
    case As::Flag:
        return value.toLongLong() != 0;
    case As::Time: {
        const QDateTime time = fromEpoch(value.toLongLong());
        return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
    }
    case As::Date:
        return value.toString().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
    case As::HouseMoney:
        return money(value, houseCurrency);
    case As::EventKind:
        return eventKindKey(static_cast<EventKind>(value.toInt()));
    case As::Json:
        return jsonOrText(value.toString());
    case As::Money:
        break; // handled above
    }
    return QJsonValue::Null;
}

/// A row's values, in the order of its fields' keys.
using Row = QList<QJsonValue>;

Row readRow(const QSqlQuery &query, int &column, const std::vector<Field> &fields, const QString &houseCurrency)
{
    Row row;
    row.reserve(qsizetype(fields.size()));
    for (const Field &field : fields) {
        row << readField(query, column, field, houseCurrency);
    }
    return row;
}

QStringList keysOf(const std::vector<Field> &fields)
{
    QStringList keys;
    for (const Field &field : fields) {
        keys << QString::fromLatin1(field.key);
    }
    return keys;
}

void writeMembers(JsonStreamWriter &writer, const QStringList &keys, const Row &row)
{
    for (qsizetype i = 0; i < keys.size(); ++i) {
        writer.member(keys.at(i), row.at(i));
    }
}

int columnsOf(const std::vector<Field> &fields)
{
    int count = 0;
    for (const Field &field : fields) {
        count += columnCount(field);
    }
    return count;
}

/// One row on one line; a parent's children inline in it.
void writeRow(JsonStreamWriter &writer, const SectionSpec &spec, const QStringList &keys, const Row &row,
              const QStringList &childKeys, const QList<Row> &children)
{
    writer.beginObject(JsonStreamWriter::Layout::Inline);
    writeMembers(writer, keys, row);
    if (spec.group) {
        writer.key(QString::fromLatin1(spec.nested.key));
        writer.beginArray(JsonStreamWriter::Layout::Inline);
        for (const Row &child : children) {
            writer.beginObject(JsonStreamWriter::Layout::Inline);
            writeMembers(writer, childKeys, child);
            writer.end();
        }
        writer.end();
    }
    writer.end();
}

/// Writes the customer's rows of one section as a top-level array. Rows with children come
/// ordered by parent, so a parent is complete when the group changes: only one parent's
/// children are ever held. Stops early, successfully, when a write failed: the caller
/// reports that, and reading on would be pointless.
Status writeSection(JsonStreamWriter &writer, const QSqlDatabase &db, const SectionSpec &spec, qint64 customerId,
                    const QString &houseCurrency)
{
    const QString from = QLatin1String(spec.from);
    const QString what = QStringLiteral("reading the %1 for the export").arg(QLatin1String(spec.what));
    auto query = Sql::exec(db, statementFor(spec), QVariantList(from.count(u'?'), QVariant(customerId)), what);
    if (!query) {
        return query.error();
    }
    const QStringList keys = keysOf(spec.fields);
    const QStringList childKeys = keysOf(spec.nested.fields);
    std::optional<qint64> group;
    Row parent;
    QList<Row> children;
    const auto writeParent = [&] {
        if (group) {
            writeRow(writer, spec, keys, parent, childKeys, children);
        }
    };

    writer.key(QString::fromLatin1(spec.key));
    writer.beginArray();
    while (query->next()) {
        int column = spec.group ? 2 : 0;
        if (!spec.group) {
            writeRow(writer, spec, keys, readRow(*query, column, spec.fields, houseCurrency), childKeys, {});
        } else {
            const qint64 rowGroup = query->value(0).toLongLong();
            if (group != rowGroup) {
                writeParent();
                parent = readRow(*query, column, spec.fields, houseCurrency);
                children.clear();
                group = rowGroup;
            } else {
                column += columnsOf(spec.fields);
            }
            if (!query->value(1).isNull()) {
                children << readRow(*query, column, spec.nested.fields, houseCurrency);
            }
        }
        if (writer.failed()) {
            return {};
        }
    }
    if (query->lastError().isValid()) {
        return Sql::errorFrom(query->lastError(), what);
    }
    writeParent();
    writer.end();
    return {};
}

Status writeCustomer(JsonStreamWriter &writer, const QSqlDatabase &db, qint64 customerId, const QString &houseCurrency)
{
    const SectionSpec &spec = customerSpec();
    auto query = Sql::exec(db, statementFor(spec), {customerId}, QStringLiteral("reading the customer for the export"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, QStringLiteral("The customer was deleted during the export."));
    }
    int column = 0;
    writer.key(QString::fromLatin1(spec.key));
    writer.beginObject();
    writeMembers(writer, keysOf(spec.fields), readRow(*query, column, spec.fields, houseCurrency));
    writer.end();
    return {};
}

} // namespace

ProfileExporter::ProfileExporter(const Database &database) : m_database(database) {}

void ProfileExporter::addSection(const QString &key, SectionWriter writer)
{
    m_sections.push_back(Section{key, std::move(writer)});
}

Status ProfileExporter::checkSections() const
{
    QSet<QString> taken = {QStringLiteral("format"),        QStringLiteral("formatVersion"),
                           QStringLiteral("exportedAt"),    QStringLiteral("asOf"),
                           QStringLiteral("schemaVersion"), QString::fromLatin1(customerSpec().key)};
    for (const SectionSpec &spec : sectionSpecs()) {
        taken << QString::fromLatin1(spec.key);
    }
    for (const Section &section : m_sections) {
        if (section.key.isEmpty() || !section.writer || taken.contains(section.key)) {
            return Error::make(ErrorKind::Invalid,
                               QStringLiteral("The export section “%1” has no name, no writer, or a name already "
                                              "in use.")
                                   .arg(section.key));
        }
        taken << section.key;
    }
    return {};
}

Status ProfileExporter::writeDocument(JsonStreamWriter &writer, qint64 customerId, const QDateTime &exportedAt,
                                      QDate asOf)
{
    const QSqlDatabase db = m_database.connection();
    const QString houseCurrency = SettingsStore(m_database).houseCurrency();
    writer.beginObject();
    writer.member(QStringLiteral("format"), kFormat);
    writer.member(QStringLiteral("formatVersion"), kFormatVersion);
    writer.member(QStringLiteral("exportedAt"), isoTime(exportedAt));
    writer.member(QStringLiteral("asOf"), asOf.toString(Qt::ISODate));
    writer.member(QStringLiteral("schemaVersion"), m_database.schemaVersion());
    if (Status status = writeCustomer(writer, db, customerId, houseCurrency); !status) {
        return status;
    }
    for (const SectionSpec &spec : sectionSpecs()) {
        if (Status status = writeSection(writer, db, spec, customerId, houseCurrency); !status) {
            return status;
        }
        if (writer.failed()) {
            return writer.finish();
        }
    }
    for (const Section &section : m_sections) {
        auto value = section.writer(m_database, customerId, asOf);
        if (!value) {
            Error error = value.error();
            error.message = QStringLiteral("The export section “%1” failed: %2").arg(section.key, error.message);
            return error;
        }
        writer.member(section.key, *value);
    }
    writer.end();
    return writer.finish();
}

Status ProfileExporter::exportJson(const QString &customerNo, QIODevice &out, const ExportOptions &options)
{
    if (Status status = checkSections(); !status) {
        return status;
    }
    if (!out.isWritable()) {
        return Error::make(ErrorKind::Invalid,
                           QStringLiteral("The export of customer %1 has nowhere to go: the output is not open for "
                                          "writing.")
                               .arg(customerNo));
    }
    const QSqlDatabase db = m_database.connection();
    // Whole seconds, like every other time in the export.
    const QDateTime exportedAt = fromEpoch(QDateTime::currentSecsSinceEpoch());
    const QDate asOf = options.asOf.isValid() ? options.asOf : exportedAt.date();

    Transaction snapshot(db, Transaction::Kind::ReadSnapshot);
    if (!snapshot.isActive()) {
        return snapshot.error();
    }
    auto found = Sql::exec(db, QStringLiteral("SELECT id, uuid FROM customers WHERE customer_no = ?"), {customerNo},
                           QStringLiteral("looking up Customer ID %1").arg(customerNo));
    if (!found) {
        return found.error();
    }
    if (!found->next()) {
        return Error::make(ErrorKind::NotFound,
                           QStringLiteral("There is no customer with Customer ID “%1”.").arg(customerNo));
    }
    const qint64 customerId = found->value(0).toLongLong();
    const QString uuid = found->value(1).toString();
    found->finish();

    JsonStreamWriter writer(out);
    Status written = writeDocument(writer, customerId, exportedAt, asOf);
    if (!written && writer.failed()) {
        written = Error::make(ErrorKind::General, QStringLiteral("The export of customer %1 could not be written: %2.")
                                                      .arg(customerNo, writer.errorString()));
    }
    // Nothing was changed. The snapshot ends before the audit write: it is READ ONLY on
    // PostgreSQL, and on SQLite a reader cannot become a writer once others have written.
    snapshot.rollback();

    const QString outcome =
        written ? QStringLiteral("%1 %2 as of %3").arg(kFormat).arg(kFormatVersion).arg(asOf.toString(Qt::ISODate))
                : QStringLiteral("failed: ") + written.error().message;
    AuditEntry entry;
    entry.at = exportedAt;
    entry.actor = m_database.actor();
    entry.entity = QStringLiteral("customer");
    entry.entityId = customerId;
    entry.entityUuid = uuid;
    entry.customerId = customerId;
    entry.action = QStringLiteral("export");
    entry.newValue = outcome;
    const Status recorded = AuditStore(db).record(entry);
    if (!written) {
        return written;
    }
    if (!recorded) {
        Error error = recorded.error();
        error.message = QStringLiteral("The export of customer %1 was written but could not be recorded in the audit "
                                       "log, so it must not be used. %2")
                            .arg(customerNo, error.message);
        return error;
    }
    return {};
}

} // namespace Gavel::Models
