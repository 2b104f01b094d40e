#include "migrations.h"

#include "contactvalidationstore.h"
#include "customersearch.h"
#include "sql.h"
#include "transaction.h"

#include <QDateTime>

namespace Gavel::Models {

Status execDdl(const QSqlDatabase &db, const Dialect &dialect, const QStringList &statements)
{
    for (const QString &statement : statements) {
        auto query = Sql::exec(db, dialect.ddl(statement), {}, QStringLiteral("updating the database structure"));
        if (!query) {
            return query.error();
        }
    }
    return {};
}

namespace {

// Conventions of the schema, on both engines:
// - times are BIGINT seconds since the epoch (UTC); calendar dates are TEXT 'YYYY-MM-DD';
// - money is BIGINT minor units (pence, cents) next to a TEXT ISO 4217 currency;
// - flags are SMALLINT 0/1;
// - `id` is a local surrogate key for joins; it never leaves the database. Rows people
//   create also carry a `uuid` that cannot collide with another copy's, and imported rows
//   a stable external key (customer_no, sale_no + lot_no, invoice_no, campaign_key), so an
//   offline copy can be merged back by those and the local ids remapped;
// - rows people edit carry version, updated_at and updated_by (optimistic concurrency).
Status migration1(const QSqlDatabase &db, const Dialect &dialect)
{
    const QStringList statements = {
        QStringLiteral("CREATE TABLE gavel_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),

        QStringLiteral("CREATE TABLE settings ("
                       " key TEXT PRIMARY KEY, value TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)"),

        QStringLiteral("CREATE TABLE departments ("
                       " id @ID@, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                       " color TEXT NOT NULL DEFAULT '#808080', sort_order INTEGER NOT NULL DEFAULT 0,"
                       " active SMALLINT NOT NULL DEFAULT 1)"),

        QStringLiteral("CREATE TABLE categories ("
                       " id @ID@, department_id BIGINT NOT NULL REFERENCES departments(id) ON DELETE CASCADE,"
                       " parent_id BIGINT REFERENCES categories(id) ON DELETE SET NULL,"
                       " code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, sort_order INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX categories_department ON categories (department_id)"),

        // Salerooms, the house's online shop, and third-party bidding platforms.
        QStringLiteral("CREATE TABLE venues ("
                       " id @ID@, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                       " kind TEXT NOT NULL CHECK (kind IN ('saleroom', 'online', 'platform', 'shop')),"
                       " city TEXT, country TEXT, url TEXT)"),

        // Optional text is '' rather than NULL, and "never active" is 0, so that every
        // column of the customer list sorts and pages with a plain keyset (value, id).
        QStringLiteral("CREATE TABLE customers ("
                       " id @ID@, uuid TEXT NOT NULL UNIQUE, customer_no TEXT NOT NULL UNIQUE,"
                       " title TEXT NOT NULL DEFAULT '', first_name TEXT NOT NULL DEFAULT '',"
                       " last_name TEXT NOT NULL DEFAULT '', company TEXT NOT NULL DEFAULT '',"
                       " email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
                       " sms_number TEXT NOT NULL DEFAULT '',"
                       " address_line1 TEXT NOT NULL DEFAULT '', address_line2 TEXT NOT NULL DEFAULT '',"
                       " city TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',"
                       " postal_code TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',"
                       " gender TEXT NOT NULL DEFAULT '', birth_date TEXT NOT NULL DEFAULT '',"
                       " language TEXT NOT NULL DEFAULT '', registered_at BIGINT NOT NULL DEFAULT 0,"
                       " vip SMALLINT NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT '',"
                       " sort_name TEXT NOT NULL DEFAULT '',"
                       " last_activity_at BIGINT NOT NULL DEFAULT 0, total_spent_minor BIGINT NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX customers_sort_name ON customers (sort_name, id)"),
        QStringLiteral("CREATE INDEX customers_email ON customers (email, id)"),
        QStringLiteral("CREATE INDEX customers_city ON customers (city, id)"),
        QStringLiteral("CREATE INDEX customers_country ON customers (country, id)"),
        QStringLiteral("CREATE INDEX customers_last_activity ON customers (last_activity_at, id)"),
        QStringLiteral("CREATE INDEX customers_total_spent ON customers (total_spent_minor, id)"),

        QStringLiteral("CREATE TABLE customer_departments ("
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " department_id BIGINT NOT NULL REFERENCES departments(id) ON DELETE CASCADE,"
                       " source TEXT NOT NULL DEFAULT 'staff', added_at BIGINT NOT NULL, added_by TEXT,"
                       " PRIMARY KEY (customer_id, department_id))"),
        QStringLiteral("CREATE INDEX customer_departments_department ON customer_departments (department_id)"),

        QStringLiteral("CREATE TABLE sales ("
                       " id @ID@, sale_no TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
                       " venue_id BIGINT REFERENCES venues(id) ON DELETE SET NULL,"
                       " department_id BIGINT REFERENCES departments(id) ON DELETE SET NULL,"
                       " starts_at BIGINT NOT NULL, ends_at BIGINT,"
                       " status TEXT NOT NULL CHECK (status IN ('upcoming', 'live', 'closed', 'cancelled')),"
                       " sale_type TEXT NOT NULL DEFAULT 'live' CHECK (sale_type IN ('live', 'online', 'timed')),"
                       " currency TEXT NOT NULL, buyers_premium_bp INTEGER NOT NULL DEFAULT 2500,"
                       " specialist TEXT)"),
        QStringLiteral("CREATE INDEX sales_starts_at ON sales (starts_at)"),

        QStringLiteral("CREATE TABLE sale_registrations ("
                       " sale_id BIGINT NOT NULL REFERENCES sales(id) ON DELETE CASCADE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " paddle_no TEXT, platform_id BIGINT REFERENCES venues(id) ON DELETE SET NULL,"
                       " registered_at BIGINT NOT NULL, PRIMARY KEY (sale_id, customer_id))"),
        QStringLiteral("CREATE INDEX sale_registrations_customer ON sale_registrations (customer_id)"),

        QStringLiteral("CREATE TABLE consignments ("
                       " id @ID@, uuid TEXT NOT NULL UNIQUE, consignment_no TEXT UNIQUE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " department_id BIGINT REFERENCES departments(id) ON DELETE SET NULL,"
                       " received_at BIGINT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('received', 'catalogued', 'offered', 'sold', 'unsold',"
                       " 'returned', 'withdrawn')),"
                       " description TEXT, specialist TEXT,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX consignments_customer ON consignments (customer_id)"),

        QStringLiteral("CREATE TABLE lots ("
                       " id @ID@, sale_id BIGINT NOT NULL REFERENCES sales(id) ON DELETE CASCADE,"
                       " lot_no TEXT NOT NULL, lot_seq INTEGER NOT NULL,"
                       " title TEXT NOT NULL, description TEXT, maker TEXT,"
                       " department_id BIGINT REFERENCES departments(id) ON DELETE SET NULL,"
                       " category_id BIGINT REFERENCES categories(id) ON DELETE SET NULL,"
                       " medium TEXT, dimensions TEXT, date_text TEXT, year_made INTEGER,"
                       " provenance TEXT, condition_report TEXT,"
                       " low_estimate_minor BIGINT, high_estimate_minor BIGINT, start_price_minor BIGINT,"
                       " reserve_minor BIGINT, hammer_minor BIGINT, currency TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('upcoming', 'sold', 'unsold', 'withdrawn')),"
                       " buyer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,"
                       " consignment_id BIGINT REFERENCES consignments(id) ON DELETE SET NULL,"
                       " source_ref TEXT, source_url TEXT,"
                       " UNIQUE (sale_id, lot_no))"),
        QStringLiteral("CREATE INDEX lots_buyer ON lots (buyer_id)"),
        QStringLiteral("CREATE INDEX lots_consignment ON lots (consignment_id)"),
        QStringLiteral("CREATE INDEX lots_department ON lots (department_id)"),
        QStringLiteral("CREATE INDEX lots_category ON lots (category_id)"),

        // Keywords and tags of lots and customers; name_key is the case-folded name.
        QStringLiteral("CREATE TABLE tags ("
                       " id @ID@, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
                       " kind TEXT NOT NULL DEFAULT 'keyword')"),

        QStringLiteral("CREATE TABLE lot_tags ("
                       " lot_id BIGINT NOT NULL REFERENCES lots(id) ON DELETE CASCADE,"
                       " tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                       " weight @REAL@ NOT NULL DEFAULT 1, PRIMARY KEY (lot_id, tag_id))"),
        QStringLiteral("CREATE INDEX lot_tags_tag ON lot_tags (tag_id)"),

        QStringLiteral("CREATE TABLE bids ("
                       " id @ID@, lot_id BIGINT NOT NULL REFERENCES lots(id) ON DELETE CASCADE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " amount_minor BIGINT NOT NULL, currency TEXT NOT NULL, placed_at BIGINT NOT NULL,"
                       " channel TEXT NOT NULL DEFAULT 'online'"
                       " CHECK (channel IN ('room', 'phone', 'absentee', 'online')),"
                       " platform_id BIGINT REFERENCES venues(id) ON DELETE SET NULL,"
                       " is_winning SMALLINT NOT NULL DEFAULT 0,"
                       " UNIQUE (lot_id, customer_id, amount_minor, placed_at))"),
        QStringLiteral("CREATE INDEX bids_customer ON bids (customer_id, placed_at)"),
        QStringLiteral("CREATE INDEX bids_lot_amount ON bids (lot_id, amount_minor)"),

        QStringLiteral("CREATE TABLE wishlists ("
                       " id @ID@, customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " lot_id BIGINT NOT NULL REFERENCES lots(id) ON DELETE CASCADE,"
                       " added_at BIGINT NOT NULL, UNIQUE (customer_id, lot_id))"),
        QStringLiteral("CREATE INDEX wishlists_lot ON wishlists (lot_id)"),

        QStringLiteral("CREATE TABLE invoices ("
                       " id @ID@, invoice_no TEXT NOT NULL UNIQUE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " sale_id BIGINT REFERENCES sales(id) ON DELETE SET NULL,"
                       " venue_id BIGINT REFERENCES venues(id) ON DELETE SET NULL,"
                       " issued_at BIGINT NOT NULL, due_at BIGINT, paid_at BIGINT,"
                       " status TEXT NOT NULL"
                       " CHECK (status IN ('issued', 'paid', 'part_paid', 'overdue', 'cancelled')),"
                       " currency TEXT NOT NULL, hammer_minor BIGINT NOT NULL DEFAULT 0,"
                       " premium_minor BIGINT NOT NULL DEFAULT 0, tax_minor BIGINT NOT NULL DEFAULT 0,"
                       " delivery_minor BIGINT NOT NULL DEFAULT 0, total_minor BIGINT NOT NULL,"
                       " payment_method TEXT,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX invoices_customer ON invoices (customer_id, issued_at)"),
        QStringLiteral("CREATE INDEX invoices_sale ON invoices (sale_id)"),

        QStringLiteral("CREATE TABLE invoice_lines ("
                       " id @ID@, invoice_id BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,"
                       " line_no INTEGER NOT NULL, lot_id BIGINT REFERENCES lots(id) ON DELETE SET NULL,"
                       " description TEXT NOT NULL, hammer_minor BIGINT NOT NULL DEFAULT 0,"
                       " premium_minor BIGINT NOT NULL DEFAULT 0, tax_minor BIGINT NOT NULL DEFAULT 0,"
                       " amount_minor BIGINT NOT NULL, UNIQUE (invoice_id, line_no))"),
        QStringLiteral("CREATE INDEX invoice_lines_lot ON invoice_lines (lot_id)"),

        // What a customer can subscribe to; inactive categories are hidden in the profile.
        QStringLiteral("CREATE TABLE subscription_categories ("
                       " id @ID@, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,"
                       " active SMALLINT NOT NULL DEFAULT 1, sort_order INTEGER NOT NULL DEFAULT 0)"),

        QStringLiteral("CREATE TABLE subscriptions ("
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'push', 'post')),"
                       " category_id BIGINT NOT NULL REFERENCES subscription_categories(id) ON DELETE CASCADE,"
                       " status TEXT NOT NULL CHECK (status IN ('subscribed', 'unsubscribed')),"
                       " changed_at BIGINT NOT NULL, source TEXT,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,"
                       " PRIMARY KEY (customer_id, channel, category_id))"),

        // A mailing: an e-mail, SMS, push or postal send. `programme` names the campaign a
        // mailing belongs to; NULL for a one-off mass mailing.
        QStringLiteral("CREATE TABLE campaigns ("
                       " id @ID@, campaign_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                       " channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'push', 'post')),"
                       " category_id BIGINT REFERENCES subscription_categories(id) ON DELETE SET NULL,"
                       " programme TEXT, subject TEXT, sent_at BIGINT,"
                       " sale_id BIGINT REFERENCES sales(id) ON DELETE SET NULL,"
                       " department_id BIGINT REFERENCES departments(id) ON DELETE SET NULL,"
                       " audience_size INTEGER NOT NULL DEFAULT 0, control_size INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX campaigns_sent_at ON campaigns (sent_at)"),

        // One row per customer in a mailing's audience. in_control = 1: held back as the
        // control group, so nothing was sent.
        QStringLiteral("CREATE TABLE campaign_recipients ("
                       " campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " in_control SMALLINT NOT NULL DEFAULT 0, sent_at BIGINT,"
                       " opened_at BIGINT, open_count INTEGER NOT NULL DEFAULT 0,"
                       " clicked_at BIGINT, click_count INTEGER NOT NULL DEFAULT 0,"
                       " unsubscribed_at BIGINT, bounced_at BIGINT,"
                       " PRIMARY KEY (campaign_id, customer_id))"),
        QStringLiteral("CREATE INDEX campaign_recipients_customer ON campaign_recipients (customer_id)"),

        QStringLiteral("CREATE TABLE promo_codes ("
                       " id @ID@, code TEXT NOT NULL,"
                       " campaign_id BIGINT REFERENCES campaigns(id) ON DELETE SET NULL,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " issued_at BIGINT NOT NULL, redeemed_at BIGINT,"
                       " invoice_id BIGINT REFERENCES invoices(id) ON DELETE SET NULL,"
                       " reissued SMALLINT NOT NULL DEFAULT 0, description TEXT,"
                       " UNIQUE (code, customer_id))"),
        QStringLiteral("CREATE INDEX promo_codes_customer ON promo_codes (customer_id)"),

        QStringLiteral("CREATE TABLE polls ("
                       " id @ID@, poll_key TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
                       " campaign_id BIGINT REFERENCES campaigns(id) ON DELETE SET NULL, created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE poll_questions ("
                       " id @ID@, poll_id BIGINT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL, question TEXT NOT NULL, UNIQUE (poll_id, position))"),
        QStringLiteral("CREATE TABLE poll_answers ("
                       " id @ID@, question_id BIGINT NOT NULL REFERENCES poll_questions(id) ON DELETE CASCADE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " answer TEXT NOT NULL, answered_at BIGINT NOT NULL, UNIQUE (question_id, customer_id))"),
        QStringLiteral("CREATE INDEX poll_answers_customer ON poll_answers (customer_id)"),

        QStringLiteral("CREATE TABLE baskets ("
                       " id @ID@, customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " venue_id BIGINT REFERENCES venues(id) ON DELETE SET NULL,"
                       " created_at BIGINT NOT NULL, abandoned_at BIGINT,"
                       " status TEXT NOT NULL CHECK (status IN ('open', 'abandoned', 'converted')),"
                       " invoice_id BIGINT REFERENCES invoices(id) ON DELETE SET NULL)"),
        QStringLiteral("CREATE INDEX baskets_customer ON baskets (customer_id)"),
        QStringLiteral("CREATE TABLE basket_items ("
                       " id @ID@, basket_id BIGINT NOT NULL REFERENCES baskets(id) ON DELETE CASCADE,"
                       " lot_id BIGINT REFERENCES lots(id) ON DELETE SET NULL, name TEXT NOT NULL,"
                       " price_minor BIGINT NOT NULL, currency TEXT NOT NULL, quantity INTEGER NOT NULL DEFAULT 1,"
                       " added_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX basket_items_basket ON basket_items (basket_id)"),

        // House credit: accruals become usable at activates_at and lapse at expires_at.
        QStringLiteral("CREATE TABLE loyalty_ledger ("
                       " id @ID@, customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " kind TEXT NOT NULL CHECK (kind IN ('accrual', 'redemption', 'expiry', 'adjustment')),"
                       " amount_minor BIGINT NOT NULL, currency TEXT NOT NULL, created_at BIGINT NOT NULL,"
                       " activates_at BIGINT, expires_at BIGINT, reason TEXT,"
                       " invoice_id BIGINT REFERENCES invoices(id) ON DELETE SET NULL)"),
        QStringLiteral("CREATE INDEX loyalty_ledger_customer ON loyalty_ledger (customer_id, created_at)"),

        QStringLiteral("CREATE TABLE labels ("
                       " id @ID@, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
                       " color TEXT, description TEXT,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE customer_labels ("
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " label_id BIGINT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,"
                       " added_at BIGINT NOT NULL, added_by TEXT, PRIMARY KEY (customer_id, label_id))"),
        QStringLiteral("CREATE INDEX customer_labels_label ON customer_labels (label_id)"),

        // Rule-based groups; members are recomputed from the rule and cached here.
        QStringLiteral("CREATE TABLE segments ("
                       " id @ID@, uuid TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                       " description TEXT, rule TEXT NOT NULL, computed_at BIGINT,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE segment_members ("
                       " segment_id BIGINT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " since BIGINT NOT NULL, PRIMARY KEY (segment_id, customer_id))"),
        QStringLiteral("CREATE INDEX segment_members_customer ON segment_members (customer_id)"),

        // A customer's keywords: optional (derived, grey), active (+), starred, removed (x).
        QStringLiteral("CREATE TABLE customer_tags ("
                       " id @ID@, uuid TEXT NOT NULL UNIQUE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                       " state TEXT NOT NULL CHECK (state IN ('optional', 'active', 'starred', 'removed')),"
                       " weight @REAL@ NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT 'derived',"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,"
                       " UNIQUE (customer_id, tag_id))"),
        QStringLiteral("CREATE INDEX customer_tags_tag ON customer_tags (tag_id, state)"),

        QStringLiteral("CREATE TABLE notes ("
                       " id @ID@, uuid TEXT NOT NULL UNIQUE,"
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " body TEXT NOT NULL, pinned SMALLINT NOT NULL DEFAULT 0, author TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL, deleted_at BIGINT,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX notes_customer ON notes (customer_id, created_at)"),

        // The timeline. Clustered by customer and time (WITHOUT ROWID on SQLite) so that one
        // page of one customer's history is a contiguous range, however old and active the
        // customer: the layout PERFORMANCE.md measured at 2 ms for a cold first page at 50M
        // events. `id` is random 63-bit, unique across copies; the ref columns point at what
        // the event is about (no foreign keys: the log outlives a deleted lot). kind is
        // Gavel::Models::EventKind.
        QStringLiteral("CREATE TABLE events ("
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " ts BIGINT NOT NULL, id BIGINT NOT NULL, kind SMALLINT NOT NULL,"
                       " campaign_id BIGINT, sale_id BIGINT, lot_id BIGINT, invoice_id BIGINT, ref_id BIGINT,"
                       " amount_minor BIGINT, currency TEXT, info TEXT, details TEXT,"
                       " PRIMARY KEY (customer_id, ts, id)) @WITHOUT_ROWID@"),

        QStringLiteral("CREATE TABLE audit_log ("
                       " id @ID@, at BIGINT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,"
                       " entity_id BIGINT, entity_uuid TEXT, customer_id BIGINT,"
                       " action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'merge',"
                       " 'import', 'export')),"
                       " field TEXT, old_value TEXT, new_value TEXT)"),
        QStringLiteral("CREATE INDEX audit_log_customer ON audit_log (customer_id, at)"),
        QStringLiteral("CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)"),
    };
    if (Status status = execDdl(db, dialect, statements); !status) {
        return status;
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QList<QVariantList> meta = {
        {QStringLiteral("application"), QString::fromLatin1(kApplicationName)},
        {QStringLiteral("schema_version"), QStringLiteral("0")},
        {QStringLiteral("created_at"), QString::number(now)},
    };
    for (const QVariantList &row : meta) {
        auto query = Sql::exec(db, QStringLiteral("INSERT INTO gavel_meta (key, value) VALUES (?, ?)"), row,
                               QStringLiteral("creating the database"));
        if (!query) {
            return query.error();
        }
    }

    // The categories a collector can subscribe to, per channel; a house can rename or
    // deactivate them in Settings.
    const QList<QVariantList> subscriptionCategories = {
        {QStringLiteral("newsletter"), QStringLiteral("Newsletter"), QStringLiteral("The house's regular news"), 1},
        {QStringLiteral("sale_alerts"), QStringLiteral("Sale alerts"),
         QStringLiteral("Catalogues online, sales opening and closing"), 2},
        {QStringLiteral("department_news"), QStringLiteral("Department news"),
         QStringLiteral("Highlights from the departments the customer follows"), 3},
        {QStringLiteral("events"), QStringLiteral("Events and viewings"),
         QStringLiteral("Previews, viewings, talks and receptions"), 4},
        {QStringLiteral("offers"), QStringLiteral("Offers"), QStringLiteral("Promotions and promo codes"), 5},
    };
    for (const QVariantList &row : subscriptionCategories) {
        auto query = Sql::exec(db,
                               QStringLiteral("INSERT INTO subscription_categories (code, name, description, sort_order)"
                                              " VALUES (?, ?, ?, ?)"),
                               row, QStringLiteral("creating the database"));
        if (!query) {
            return query.error();
        }
    }
    return {};
}

// The RFM scores of every customer with an invoice, as of the day of the last recalculation
// (models/rfm.h): written in one set-based statement, read by the profile and the segment
// rules. Clustered by customer, so a profile reads its row with one lookup.
Status migration2(const QSqlDatabase &db, const Dialect &dialect)
{
    const QStringList statements = {
        QStringLiteral("CREATE TABLE customer_rfm ("
                       " customer_id BIGINT NOT NULL PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,"
                       " as_of TEXT NOT NULL, recency_days INTEGER NOT NULL, frequency INTEGER NOT NULL,"
                       " monetary_minor BIGINT NOT NULL, r_score SMALLINT NOT NULL, f_score SMALLINT NOT NULL,"
                       " m_score SMALLINT NOT NULL, segment TEXT NOT NULL) @WITHOUT_ROWID@"),
    };
    return execDdl(db, dialect, statements);
}

// The results of checking each customer's e-mail, phone and SMS number (ContactValidation),
// on the customer row, so that segments, lists and exports can select by eligibility in SQL.
// CustomerStore keeps them up to date; existing customers are checked here, in batches.
Status migration3(const QSqlDatabase &db, const Dialect &dialect)
{
    const QStringList statements = {
        QStringLiteral("ALTER TABLE customers ADD COLUMN email_status TEXT NOT NULL DEFAULT 'unchecked'"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN phone_type TEXT NOT NULL DEFAULT 'unchecked'"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN phone_e164 TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN sms_number_type TEXT NOT NULL DEFAULT 'unchecked'"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN sms_number_e164 TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN email_eligible SMALLINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE customers ADD COLUMN sms_eligible SMALLINT NOT NULL DEFAULT 0"),
        // The ContactValidation::kRulesVersion that wrote the columns above; 0: never checked.
        QStringLiteral("ALTER TABLE customers ADD COLUMN contacts_checked INTEGER NOT NULL DEFAULT 0"),
    };
    if (Status status = execDdl(db, dialect, statements); !status) {
        return status;
    }
    auto checked = ContactValidationStore(db).revalidate(ContactValidationStore::Scope::All);
    if (!checked) {
        return checked.error();
    }
    return {};
}

// Full-text search over the notes of all customers (Go → Search Notes…). Dialect decides
// the engine's form of the same index: an FTS5 table kept by triggers on SQLite, a GIN
// expression index on PostgreSQL. Soft-deleted notes stay indexed (so that undoing a
// delete needs no re-indexing); searches filter them out.
Status migration4(const QSqlDatabase &db, const Dialect &dialect)
{
    return execDdl(db, dialect, dialect.fullTextIndexDdl(QStringLiteral("notes"), QStringLiteral("body")));
}

// Import (issue 11): column mappings saved by name per import kind, shared by the team; and
// the values the last import wrote into each imported record (JSON, field → value), so that a
// re-import writes only the fields whose value changed in the file and keeps edits made in the
// app to the others (models/importrecord.h).
Status migration5(const QSqlDatabase &db, const Dialect &dialect)
{
    const QStringList statements = {
        QStringLiteral("CREATE TABLE import_records ("
                       " entity TEXT NOT NULL, entity_id BIGINT NOT NULL, imported TEXT NOT NULL,"
                       " imported_at BIGINT NOT NULL, PRIMARY KEY (entity, entity_id))"),
        QStringLiteral("CREATE TABLE import_mappings ("
                       " id @ID@, kind TEXT NOT NULL, name TEXT NOT NULL, mapping TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,"
                       " UNIQUE (kind, name))"),
    };
    return execDdl(db, dialect, statements);
}

// Searching a million customers by name, Customer ID, e-mail, phone and city
// (CustomerSearch), and the indexes the list's filters need.
Status migration6(const QSqlDatabase &db, const Dialect &dialect)
{
    QStringList statements = CustomerSearch(dialect).indexDdl();
    statements << QStringLiteral("CREATE INDEX subscriptions_channel ON subscriptions (channel, status, customer_id)")
               << QStringLiteral("CREATE INDEX customers_vip ON customers (vip, id)");
    return execDdl(db, dialect, statements);
}

// Lots without a buyer (upcoming, unsold) or without a consignment on record can be most of
// the table; as full indexes, all those NULLs made the planners think "the lots this customer
// bought" was most of the table and read every lot of every sale for a profile. Partial
// indexes hold only the lots that have one: a customer's lookups stay a few index steps.
Status migration7(const QSqlDatabase &db, const Dialect &dialect)
{
    return execDdl(db, dialect,
                   {QStringLiteral("DROP INDEX lots_buyer"), QStringLiteral("DROP INDEX lots_consignment"),
                    QStringLiteral("CREATE INDEX lots_buyer ON lots (buyer_id) WHERE buyer_id IS NOT NULL"),
                    QStringLiteral("CREATE INDEX lots_consignment ON lots (consignment_id)"
                                   " WHERE consignment_id IS NOT NULL")});
}

// Broad customer searches. PostgreSQL's reads a stored tsvector instead of computing one per
// row (CustomerSearch::storedColumnDdl). SQLite's sorts its matches by name in a slim
// (id, sort_name) index instead of seeking each match's whole row (CustomerListModel).
Status migration8(const QSqlDatabase &db, const Dialect &dialect)
{
    if (dialect.isSqlite()) {
        return execDdl(db, dialect, {QStringLiteral("CREATE INDEX customers_id_name ON customers (id, sort_name)")});
    }
    return execDdl(db, dialect, CustomerSearch(dialect).storedColumnDdl());
}

} // namespace

Result<int> storedSchemaVersion(const QSqlDatabase &db, const Dialect &dialect)
{
    const QString exists = dialect.isSqlite()
        ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gavel_meta'")
        : QStringLiteral("SELECT count(*) FROM information_schema.tables"
                         " WHERE table_schema = current_schema() AND table_name = 'gavel_meta'");
    auto found = Sql::scalar(db, exists, {}, QStringLiteral("reading the database's version"));
    if (!found) {
        return found.error();
    }
    if (found->toInt() == 0) {
        return 0;
    }
    auto stored = Sql::scalar(db, QStringLiteral("SELECT value FROM gavel_meta WHERE key = 'schema_version'"), {},
                              QStringLiteral("reading the database's version"));
    if (!stored) {
        return stored.error();
    }
    return stored->toInt();
}

Status applyMigrations(const QSqlDatabase &db, const Dialect &dialect, const QString &where, int fromVersion,
                       int toVersion)
{
    int version = fromVersion;
    for (const Migration &migration : allMigrations()) {
        if (migration.version <= version || migration.version > toVersion) {
            continue;
        }
        Transaction transaction(db);
        if (!transaction.isActive()) {
            return transaction.error();
        }
        if (dialect.isPostgres()) {
            // Two people opening an old shared database at once take turns here. (On SQLite
            // the transaction's BEGIN IMMEDIATE already holds the file's write lock.)
            auto locked = Sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kSqliteApplicationId},
                                    QStringLiteral("waiting for another Gavel to finish updating the database"));
            if (!locked) {
                return locked.error();
            }
            locked->finish();
        }
        // Whoever waited sees the step already taken by the other, and skips it.
        auto again = storedSchemaVersion(db, dialect);
        if (!again) {
            return again.error();
        }
        if (*again >= migration.version) {
            if (Status status = transaction.commit(); !status) {
                return status;
            }
            version = *again;
            continue;
        }
        if (Status status = migration.apply(db, dialect); !status) {
            Error failed = status.error();
            failed.message = QStringLiteral("Updating “%1” to version %2 (%3) failed; it was left at version %4. %5")
                                 .arg(where)
                                 .arg(migration.version)
                                 .arg(QString::fromLatin1(migration.description))
                                 .arg(version)
                                 .arg(failed.message);
            return failed;
        }
        auto recorded = Sql::exec(db, QStringLiteral("UPDATE gavel_meta SET value = ? WHERE key = 'schema_version'"),
                                  {QString::number(migration.version)}, QStringLiteral("recording the new version"));
        if (!recorded) {
            return recorded.error();
        }
        if (dialect.isSqlite()) {
            // Marks the file as Gavel's for tools like `file`. PRAGMA takes no bound values;
            // the number is a compile-time constant.
            auto marked = Sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId), {},
                                    QStringLiteral("marking the file as a Gavel database"));
            if (!marked) {
                return marked.error();
            }
        }
        if (Status status = transaction.commit(); !status) {
            return status;
        }
        version = migration.version;
    }
    return {};
}

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, "the initial schema", &migration1},
        {2, "RFM scores per customer", &migration2},
        {3, "checked contact details and e-mail/SMS eligibility", &migration3},
        {4, "full-text search of notes", &migration4},
        {5, "saved import mappings", &migration5},
        {6, "customer search and list filters", &migration6},
        {7, "partial indexes of lots by buyer and consignment", &migration7},
        {8, "faster broad customer searches", &migration8},
    };
    return migrations;
}

} // namespace Gavel::Models
