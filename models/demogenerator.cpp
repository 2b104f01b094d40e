#include "demogenerator.h"

#include "contactvalidationstore.h"
#include "database.h"
#include "deferredindexes.h"
#include "demoauction.h"
#include "democatalogue.h"
#include "democustomerbuilder.h"
#include "demoprofiles.h"
#include "demoschedule.h"
#include "demowriter.h"
#include "sql.h"
#include "transaction.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Gavel::Models {

using namespace Demo;

namespace {

constexpr int kChunkCustomers = 1000;
constexpr qint64 kProgressNs = 100 * 1000 * 1000; // report at most every 0.1 s

/// Every table the demo writes, parents first.
const QStringList &demoTables()
{
    static const QStringList tables = {
        QStringLiteral("departments"),
        QStringLiteral("categories"),
        QStringLiteral("venues"),
        QStringLiteral("tags"),
        QStringLiteral("labels"),
        QStringLiteral("sales"),
        QStringLiteral("campaigns"),
        QStringLiteral("polls"),
        QStringLiteral("poll_questions"),
        QStringLiteral("lots"),
        QStringLiteral("lot_tags"),
        QStringLiteral("customers"),
        QStringLiteral("customer_departments"),
        QStringLiteral("customer_labels"),
        QStringLiteral("subscriptions"),
        QStringLiteral("consignments"),
        QStringLiteral("sale_registrations"),
        QStringLiteral("bids"),
        QStringLiteral("wishlists"),
        QStringLiteral("invoices"),
        QStringLiteral("invoice_lines"),
        QStringLiteral("baskets"),
        QStringLiteral("basket_items"),
        QStringLiteral("promo_codes"),
        QStringLiteral("loyalty_ledger"),
        QStringLiteral("campaign_recipients"),
        QStringLiteral("poll_answers"),
        QStringLiteral("customer_tags"),
        QStringLiteral("notes"),
        QStringLiteral("events"),
    };
    return tables;
}

QString channelName(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return QStringLiteral("email");
    case Channel::Sms:
        return QStringLiteral("sms");
    case Channel::Push:
        return QStringLiteral("push");
    case Channel::Post:
        return QStringLiteral("post");
    }
    return {};
}

QVariant idOrNull(qint64 base, int index)
{
    return index < 0 ? QVariant() : QVariant(static_cast<qlonglong>(base + index));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

/// One generation: the state shared by its steps.
class DemoGenerator::Run
{
public:
    Run(Database &database, const DemoOptions &options, QDate anchor,
        const std::function<bool(qint64, qint64, const QString &)> &progress)
        : m_db(database.connection()), m_dialect(database.dialect()), m_options(options), m_anchor(anchor),
          m_progress(progress), m_writer(m_db, m_dialect.engine(), [this] { return report(); })
    {
        m_timer.start();
    }

    Status execute(std::unique_ptr<DeferredIndexes> &deferred);
    DemoStats stats() const;

private:
    bool report(bool force = false);
    bool stage(const QString &text, qint64 done);
    Status readIdBases();
    Status writeHouse();
    Status writeLots();
    Status writeCustomers();
    Status linkLots();
    Status updateCampaigns();
    Status finishSequences();
    Status writeMeta();
    Status cancelled() const
    {
        return Error::make(ErrorKind::Cancelled, QStringLiteral("The demo database was not created: cancelled."));
    }

    QSqlDatabase m_db;
    Dialect m_dialect;
    DemoOptions m_options;
    QDate m_anchor;
    std::function<bool(qint64, qint64, const QString &)> m_progress;
    Writer m_writer;
    QElapsedTimer m_timer;
    qint64 m_lastReport = -kProgressNs;
    QString m_stage;
    qint64 m_done = 0; ///< progress units of the steps before the current one
    qint64 m_total = 1;
    qint64 m_rowsBase = 0;
    qint64 m_reported = 0;

    std::unique_ptr<Catalogue> m_catalogue;
    std::unique_ptr<Schedule> m_schedule;
    std::unique_ptr<Profiles> m_profiles;
    std::unique_ptr<Auction> m_auction;
    std::unique_ptr<CustomerBuilder> m_builder;
    IdPlan m_ids;
    std::vector<std::pair<qint64, qint64>> m_lotConsignments;
    qint64 m_events = 0;
};

bool DemoGenerator::Run::report(bool force)
{
    if (!m_progress) {
        return true;
    }
    const qint64 now = m_timer.nsecsElapsed();
    if (!force && now - m_lastReport < kProgressNs) {
        return true;
    }
    m_lastReport = now;
    // Rows written since the stage began count towards it; the total is an estimate, so
    // the bar stops short of the end until the very end.
    // Never backwards, though a step may write more rows than its share.
    m_reported = std::max(m_reported, std::min(m_done + (m_writer.rowsWritten() - m_rowsBase), m_total - 1));
    return m_progress(m_reported, m_total, m_stage);
}

bool DemoGenerator::Run::stage(const QString &text, qint64 done)
{
    m_stage = text;
    m_done = done;
    m_rowsBase = m_writer.rowsWritten();
    return report(true);
}

Status DemoGenerator::Run::execute(std::unique_ptr<DeferredIndexes> &deferred)
{
    m_stage = QStringLiteral("Reading the catalogue of works…");
    if (!report(true)) {
        return cancelled();
    }
    auto catalogue = Catalogue::load(m_options.cataloguePath);
    if (!catalogue) {
        return catalogue.error();
    }
    m_catalogue = std::move(*catalogue);
    m_schedule = std::make_unique<Schedule>(*m_catalogue, m_options.seed, m_anchor, m_options.customers);
    m_profiles = std::make_unique<Profiles>(*m_catalogue, *m_schedule, m_options.seed, m_options.customers);
    m_auction = std::make_unique<Auction>(*m_catalogue, *m_schedule, *m_profiles, m_options.seed, m_options.customers);

    // Progress in rows, roughly: lots and their tags, then about 70 rows per customer.
    const qint64 lots =
        m_schedule->sales().empty() ? 0 : m_schedule->sales().back().firstLot + m_schedule->sales().back().lotCount;
    const qint64 planUnits = m_options.customers * 4;
    m_total = lots * 9 + planUnits + qint64(m_options.customers) * 70 + 1;

    if (Status status = readIdBases(); !status) {
        return status;
    }
    // Secondary indexes are built once at the end: far faster than keeping them up to date.
    auto dropped = DeferredIndexes::drop(m_db, m_dialect, demoTables());
    if (!dropped) {
        return dropped.error();
    }
    deferred = std::move(*dropped);

    if (!stage(QStringLiteral("Writing departments, sales and mailings…"), 0)) {
        return cancelled();
    }
    if (Status status = writeHouse(); !status) {
        return status;
    }
    if (!stage(QStringLiteral("Cataloguing six years of lots…"), 0)) {
        return cancelled();
    }
    if (!m_schedule->makeLots(*m_catalogue, [this] { return report(); })) {
        return cancelled();
    }
    if (!stage(QStringLiteral("Deciding who bids on what…"), 0)) {
        return cancelled();
    }
    const bool planned = m_auction->plan([this, planUnits](qint64 done) {
        m_done = planUnits * done / std::max(1, m_options.customers) / 2;
        return report();
    });
    if (!planned) {
        return cancelled();
    }
    if (!stage(QStringLiteral("Holding the auctions…"), planUnits / 2)) {
        return cancelled();
    }
    if (!m_auction->settle([this](qint64) { return report(); })) {
        return cancelled();
    }
    if (!stage(QStringLiteral("Writing lots…"), planUnits)) {
        return cancelled();
    }
    if (Status status = writeLots(); !status) {
        return status;
    }
    if (Status status = writeCustomers(); !status) {
        return status;
    }
    if (!stage(QStringLiteral("Linking lots to buyers and consignments…"), m_total - 2)) {
        return cancelled();
    }
    if (Status status = linkLots(); !status) {
        return status;
    }
    if (Status status = updateCampaigns(); !status) {
        return status;
    }
    if (Status status = finishSequences(); !status) {
        return status;
    }
    if (Status status = writeMeta(); !status) {
        return status;
    }
    Status restored = deferred->restore(
        [this](const QString &name) { stage(QStringLiteral("Building the index %1…").arg(name), m_total - 1); });
    if (!restored) {
        return restored;
    }
    return {};
}

Status DemoGenerator::Run::readIdBases()
{
    // New rows take ids after whatever a table holds (nothing, in an empty database).
    const auto next = [this](const char *table) -> Result<qint64> {
        auto value = Sql::scalar(m_db, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM ") + QLatin1String(table),
                                 {}, QStringLiteral("preparing the demo database"));
        if (!value) {
            return value.error();
        }
        return value->toLongLong();
    };
    struct Base
    {
        const char *table;
        qint64 *id;
    };
    const Base bases[] = {
        {"departments", &m_ids.department},
        {"categories", &m_ids.category},
        {"venues", &m_ids.venue},
        {"sales", &m_ids.sale},
        {"lots", &m_ids.lot},
        {"tags", &m_ids.tag},
        {"campaigns", &m_ids.campaign},
        {"polls", &m_ids.poll},
        {"labels", &m_ids.label},
        {"customers", &m_ids.customer},
        {"consignments", &m_ids.consignment},
        {"invoices", &m_ids.nextInvoice},
        {"invoice_lines", &m_ids.nextInvoiceLine},
        {"bids", &m_ids.nextBid},
        {"wishlists", &m_ids.nextWishlist},
        {"baskets", &m_ids.nextBasket},
        {"basket_items", &m_ids.nextBasketItem},
        {"promo_codes", &m_ids.nextPromo},
        {"loyalty_ledger", &m_ids.nextLoyalty},
        {"poll_answers", &m_ids.nextPollAnswer},
        {"customer_tags", &m_ids.nextCustomerTag},
        {"notes", &m_ids.nextNote},
    };
    for (const Base &base : bases) {
        auto value = next(base.table);
        if (!value) {
            return value.error();
        }
        *base.id = *value;
    }
    auto question = next("poll_questions");
    if (!question) {
        return question.error();
    }
    qint64 nextQuestion = *question;
    for (const Poll &poll : m_schedule->polls()) {
        m_ids.pollQuestions.push_back(nextQuestion);
        nextQuestion += static_cast<qint64>(poll.questions.size());
    }
    for (const QString &code : Schedule::subscriptionCategoryCodes()) {
        auto id = Sql::scalar(m_db, QStringLiteral("SELECT id FROM subscription_categories WHERE code = ?"), {code},
                              QStringLiteral("reading the subscription categories"));
        if (!id) {
            return id.error();
        }
        m_ids.subscriptionCategories.push_back(id->isNull() ? 0 : id->toLongLong());
    }
    return {};
}

Status DemoGenerator::Run::writeHouse()
{
    const Catalogue &catalogue = *m_catalogue;
    const Schedule &schedule = *m_schedule;
    SeededRandom random = SeededRandom::derived(m_options.seed, 0x484F555345); // "HOUSE"
    const qint64 since = schedule.windowStart();
    const QString by = QStringLiteral("Demo data");

    RowBuffer departments(QStringLiteral("departments"),
                          {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                           QStringLiteral("color"), QStringLiteral("sort_order"), QStringLiteral("active")});
    RowBuffer categories(QStringLiteral("categories"),
                         {QStringLiteral("id"), QStringLiteral("department_id"), QStringLiteral("code"),
                          QStringLiteral("name"), QStringLiteral("sort_order")});
    for (std::size_t d = 0; d < catalogue.departments().size(); ++d) {
        const Department &department = catalogue.departments()[d];
        departments.add({m_ids.department + static_cast<qint64>(d), department.code, department.name, department.color,
                         static_cast<int>(d + 1), 1});
        for (std::size_t k = 0; k < department.categories.size(); ++k) {
            const int index = department.categories[k];
            const Category &category = catalogue.categories()[static_cast<std::size_t>(index)];
            categories.add({m_ids.category + index, m_ids.department + static_cast<qint64>(d), category.code,
                            category.name, static_cast<int>(k + 1)});
        }
    }
    RowBuffer venues(QStringLiteral("venues"),
                     {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("kind"),
                      QStringLiteral("city"), QStringLiteral("country"), QStringLiteral("url")});
    for (std::size_t v = 0; v < catalogue.venues().size(); ++v) {
        const Venue &venue = catalogue.venues()[v];
        static const char *const kinds[] = {"saleroom", "online", "platform", "shop"};
        venues.add({m_ids.venue + static_cast<qint64>(v), venue.code, venue.name,
                    QString::fromLatin1(kinds[static_cast<int>(venue.kind)]), textOrNull(venue.city),
                    textOrNull(venue.country), textOrNull(venue.url)});
    }
    RowBuffer tags(QStringLiteral("tags"),
                   {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("name_key"), QStringLiteral("kind")});
    for (std::size_t t = 0; t < catalogue.tags().size(); ++t) {
        const Catalogue::Tag &tag = catalogue.tags()[t];
        tags.add({m_ids.tag + static_cast<qint64>(t), tag.name, tag.name.toCaseFolded(), tag.kind});
    }
    RowBuffer labels(QStringLiteral("labels"),
                     {QStringLiteral("id"), QStringLiteral("uuid"), QStringLiteral("name"), QStringLiteral("name_key"),
                      QStringLiteral("color"), QStringLiteral("description"), QStringLiteral("version"),
                      QStringLiteral("updated_at"), QStringLiteral("updated_by")});
    const auto &labelData = CustomerBuilder::labels();
    for (std::size_t l = 0; l < labelData.size(); ++l) {
        labels.add({m_ids.label + static_cast<qint64>(l), random.uuid(), labelData[l].name,
                    labelData[l].name.toCaseFolded(), labelData[l].color, labelData[l].description, 1, since, by});
    }
    RowBuffer sales(QStringLiteral("sales"),
                    {QStringLiteral("id"), QStringLiteral("sale_no"), QStringLiteral("title"),
                     QStringLiteral("venue_id"), QStringLiteral("department_id"), QStringLiteral("starts_at"),
                     QStringLiteral("ends_at"), QStringLiteral("status"), QStringLiteral("sale_type"),
                     QStringLiteral("currency"), QStringLiteral("buyers_premium_bp"), QStringLiteral("specialist")});
    for (std::size_t s = 0; s < schedule.sales().size(); ++s) {
        const Sale &sale = schedule.sales()[s];
        static const char *const types[] = {"live", "online", "timed"};
        sales.add({m_ids.sale + static_cast<qint64>(s), sale.saleNo, sale.title, m_ids.venue + sale.venue,
                   m_ids.department + sale.department, sale.startsAt, sale.endsAt,
                   sale.upcoming ? QStringLiteral("upcoming") : QStringLiteral("closed"),
                   QString::fromLatin1(types[static_cast<int>(sale.type)]), QStringLiteral("GBP"), sale.premiumBp,
                   sale.specialist});
    }
    RowBuffer campaigns(QStringLiteral("campaigns"),
                        {QStringLiteral("id"), QStringLiteral("campaign_key"), QStringLiteral("name"),
                         QStringLiteral("channel"), QStringLiteral("category_id"), QStringLiteral("programme"),
                         QStringLiteral("subject"), QStringLiteral("sent_at"), QStringLiteral("sale_id"),
                         QStringLiteral("department_id"), QStringLiteral("audience_size"),
                         QStringLiteral("control_size")});
    for (std::size_t c = 0; c < schedule.campaigns().size(); ++c) {
        const Campaign &campaign = schedule.campaigns()[c];
        const qint64 category =
            campaign.subscriptionCategory < 0
                ? 0
                : m_ids.subscriptionCategories[static_cast<std::size_t>(campaign.subscriptionCategory)];
        campaigns.add({m_ids.campaign + static_cast<qint64>(c), campaign.key, campaign.name,
                       channelName(campaign.channel),
                       category ? QVariant(static_cast<qlonglong>(category)) : QVariant(),
                       textOrNull(campaign.programme), textOrNull(campaign.subject), campaign.sentAt,
                       idOrNull(m_ids.sale, campaign.sale), idOrNull(m_ids.department, campaign.department), 0, 0});
    }
    RowBuffer polls(QStringLiteral("polls"), {QStringLiteral("id"), QStringLiteral("poll_key"), QStringLiteral("title"),
                                              QStringLiteral("campaign_id"), QStringLiteral("created_at")});
    RowBuffer questions(QStringLiteral("poll_questions"), {QStringLiteral("id"), QStringLiteral("poll_id"),
                                                           QStringLiteral("position"), QStringLiteral("question")});
    for (std::size_t p = 0; p < schedule.polls().size(); ++p) {
        const Poll &poll = schedule.polls()[p];
        polls.add({m_ids.poll + static_cast<qint64>(p), poll.key, poll.title, idOrNull(m_ids.campaign, poll.campaign),
                   poll.createdAt});
        for (std::size_t q = 0; q < poll.questions.size(); ++q) {
            questions.add({m_ids.pollQuestions[p] + static_cast<qint64>(q), m_ids.poll + static_cast<qint64>(p),
                           static_cast<int>(q + 1), poll.questions[q].text});
        }
    }
    for (RowBuffer *buffer :
         {&departments, &categories, &venues, &tags, &labels, &sales, &campaigns, &polls, &questions}) {
        if (Status status = m_writer.write(*buffer); !status) {
            return status;
        }
    }
    // The house's name for the app's title bar, unless the database has one already.
    for (const auto &[key, value] : {std::pair{QStringLiteral("house.name"), catalogue.houseName()},
                                     std::pair{QStringLiteral("house.currency"), QStringLiteral("GBP")}}) {
        auto inserted = Sql::exec(
            m_db,
            QStringLiteral(
                "INSERT INTO settings (key, value, version, updated_at, updated_by)"
                " SELECT ?, ?, 1, CAST(? AS BIGINT), ? WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = ?)"),
            {key, value, since, by, key}, QStringLiteral("naming the demo house"));
        if (!inserted) {
            return inserted.error();
        }
    }
    return {};
}

Status DemoGenerator::Run::writeLots()
{
    const Catalogue &catalogue = *m_catalogue;
    const std::vector<Lot> &lots = m_schedule->lots();
    RowBuffer rows(QStringLiteral("lots"), {QStringLiteral("id"),
                                            QStringLiteral("sale_id"),
                                            QStringLiteral("lot_no"),
                                            QStringLiteral("lot_seq"),
                                            QStringLiteral("title"),
                                            QStringLiteral("description"),
                                            QStringLiteral("maker"),
                                            QStringLiteral("department_id"),
                                            QStringLiteral("category_id"),
                                            QStringLiteral("medium"),
                                            QStringLiteral("dimensions"),
                                            QStringLiteral("date_text"),
                                            QStringLiteral("year_made"),
                                            QStringLiteral("provenance"),
                                            QStringLiteral("condition_report"),
                                            QStringLiteral("low_estimate_minor"),
                                            QStringLiteral("high_estimate_minor"),
                                            QStringLiteral("start_price_minor"),
                                            QStringLiteral("reserve_minor"),
                                            QStringLiteral("hammer_minor"),
                                            QStringLiteral("currency"),
                                            QStringLiteral("status"),
                                            QStringLiteral("source_ref"),
                                            QStringLiteral("source_url")});
    RowBuffer lotTags(QStringLiteral("lot_tags"),
                      {QStringLiteral("lot_id"), QStringLiteral("tag_id"), QStringLiteral("weight")});
    static const char *const statuses[] = {"upcoming", "sold", "unsold", "withdrawn"};
    for (std::size_t l = 0; l < lots.size(); ++l) {
        const Lot &lot = lots[l];
        const Catalogue::LotText text = catalogue.text(m_options.seed, lot);
        const Pricing::Estimate estimate = Catalogue::estimate(lot);
        const qint64 id = m_ids.lot + static_cast<qint64>(l);
        rows.add(
            {id,
             m_ids.sale + lot.sale,
             QString::number(lot.position + 1),
             static_cast<int>(lot.position + 1),
             text.title,
             textOrNull(text.description),
             textOrNull(text.maker),
             m_ids.department + lot.department,
             m_ids.category + lot.category,
             textOrNull(text.medium),
             textOrNull(text.dimensions),
             textOrNull(text.dateText),
             text.year ? QVariant(text.year) : QVariant(),
             textOrNull(text.provenance),
             textOrNull(text.condition),
             estimate.low * kMinorPerPound,
             estimate.high * kMinorPerPound,
             Pricing::step(Auction::openingStep(lot)) * kMinorPerPound,
             qint64(lot.reserve) * kMinorPerPound,
             lot.status == LotSold ? QVariant(static_cast<qlonglong>(qint64(lot.hammer) * kMinorPerPound)) : QVariant(),
             QStringLiteral("GBP"),
             QString::fromLatin1(statuses[lot.status]),
             textOrNull(text.sourceRef),
             textOrNull(text.sourceUrl)});
        Catalogue::LotTag tags[Catalogue::kMaxLotTags];
        const int count = catalogue.tagsOf(lot, tags);
        for (int t = 0; t < count; ++t) {
            lotTags.add({id, m_ids.tag + tags[t].tag, static_cast<double>(tags[t].weight) / 1000.0});
        }
        if (rows.rowCount() == 2000 || l + 1 == lots.size()) {
            if (Status status = m_writer.write(rows); !status) {
                return status;
            }
            if (Status status = m_writer.write(lotTags); !status) {
                return status;
            }
        }
    }
    return {};
}

Status DemoGenerator::Run::writeCustomers()
{
    m_builder =
        std::make_unique<CustomerBuilder>(*m_catalogue, *m_schedule, *m_profiles, *m_auction, m_ids, m_options.seed);
    Chunk chunk;
    const qint64 lotUnits = m_total - qint64(m_options.customers) * 70 - 1;
    for (int first = 0; first < m_options.customers; first += kChunkCustomers) {
        const int last = std::min(m_options.customers, first + kChunkCustomers);
        if (!stage(
                QStringLiteral("Writing customers %L1–%L2 of %L3…").arg(first + 1).arg(last).arg(m_options.customers),
                lotUnits + qint64(first) * 70)) {
            return cancelled();
        }
        for (int index = first; index < last; ++index) {
            m_builder->build(static_cast<quint32>(index), chunk);
            if (index % 64 == 63 && !report()) {
                return cancelled();
            }
        }
        for (RowBuffer *buffer : chunk.inWriteOrder()) {
            if (Status status = m_writer.write(*buffer); !status) {
                return status;
            }
        }
        m_events += static_cast<qint64>(chunk.events.size());
        if (Status status = m_writer.writeEvents(chunk.events); !status) {
            return status;
        }
        m_lotConsignments.insert(m_lotConsignments.end(), chunk.lotConsignments.begin(), chunk.lotConsignments.end());
        chunk.clear();
    }
    return {};
}

Status DemoGenerator::Run::linkLots()
{
    // Lots were written before their buyers and consignors existed; their links are set now,
    // in one statement, from a temporary table.
    auto created = Sql::exec(m_db,
                             QStringLiteral("CREATE TEMPORARY TABLE demo_lot_links"
                                            " (lot_id BIGINT PRIMARY KEY, buyer_id BIGINT, consignment_id BIGINT)"),
                             {}, QStringLiteral("linking lots to their buyers"));
    if (!created) {
        return created.error();
    }
    std::sort(m_lotConsignments.begin(), m_lotConsignments.end());
    RowBuffer links(QStringLiteral("demo_lot_links"),
                    {QStringLiteral("lot_id"), QStringLiteral("buyer_id"), QStringLiteral("consignment_id")});
    const std::vector<Lot> &lots = m_schedule->lots();
    std::size_t next = 0;
    for (std::size_t l = 0; l < lots.size(); ++l) {
        const qint64 id = m_ids.lot + static_cast<qint64>(l);
        qint64 consignment = 0;
        while (next < m_lotConsignments.size() && m_lotConsignments[next].first < id) {
            ++next;
        }
        if (next < m_lotConsignments.size() && m_lotConsignments[next].first == id) {
            consignment = m_lotConsignments[next].second;
        }
        const qint64 buyer = lots[l].buyer ? m_ids.customer + lots[l].buyer - 1 : 0;
        if (buyer || consignment) {
            links.add({id, buyer ? QVariant(static_cast<qlonglong>(buyer)) : QVariant(),
                       consignment ? QVariant(static_cast<qlonglong>(consignment)) : QVariant()});
        }
        if (links.rowCount() == 5000 || l + 1 == lots.size()) {
            if (Status status = m_writer.write(links); !status) {
                return status;
            }
        }
    }
    const QStringList statements = {
        QStringLiteral("UPDATE lots SET buyer_id = l.buyer_id, consignment_id = l.consignment_id"
                       " FROM demo_lot_links AS l WHERE lots.id = l.lot_id"),
        QStringLiteral("DROP TABLE demo_lot_links"),
    };
    for (const QString &statement : statements) {
        auto done = Sql::exec(m_db, statement, {}, QStringLiteral("linking lots to their buyers"));
        if (!done) {
            return done.error();
        }
    }
    return {};
}

Status DemoGenerator::Run::updateCampaigns()
{
    const std::vector<int> &audience = m_builder->engagement().audience();
    const std::vector<int> &control = m_builder->engagement().control();
    QSqlQuery query(m_db);
    if (!query.prepare(QStringLiteral("UPDATE campaigns SET audience_size = ?, control_size = ? WHERE id = ?"))) {
        return Sql::errorFrom(query.lastError(), QStringLiteral("counting the mailings' audiences"));
    }
    for (std::size_t c = 0; c < audience.size(); ++c) {
        if (audience[c] == 0) {
            continue;
        }
        query.bindValue(0, audience[c]);
        query.bindValue(1, control[c]);
        query.bindValue(2, static_cast<qlonglong>(m_ids.campaign + static_cast<qint64>(c)));
        if (!query.exec()) {
            return Sql::errorFrom(query.lastError(), QStringLiteral("counting the mailings' audiences"));
        }
        if (!report()) {
            return cancelled();
        }
    }
    return {};
}

Status DemoGenerator::Run::finishSequences()
{
    if (!m_dialect.isPostgres()) {
        return {};
    }
    // Explicit ids leave PostgreSQL's identity sequences behind; move them past the rows so
    // that the next row anyone adds gets a free id.
    for (const QString &table : demoTables()) {
        if (table == u"customer_departments" || table == u"customer_labels" || table == u"subscriptions" ||
            table == u"sale_registrations" || table == u"lot_tags" || table == u"campaign_recipients" ||
            table == u"events") {
            continue;
        }
        auto moved = Sql::exec(m_db,
                               QStringLiteral("SELECT setval(pg_get_serial_sequence(?, 'id'),"
                                              " (SELECT coalesce(max(id), 0) + 1 FROM ") +
                                   table + QStringLiteral("), false)"),
                               {table}, QStringLiteral("finishing the demo database"));
        if (!moved) {
            return moved.error();
        }
    }
    return {};
}

Status DemoGenerator::Run::writeMeta()
{
    // Marks the database as a demo, and says which one.
    const QJsonObject demo = {
        {QStringLiteral("seed"), QString::number(m_options.seed)},
        {QStringLiteral("anchor_date"), m_anchor.toString(Qt::ISODate)},
        {QStringLiteral("customers"), m_options.customers},
        {QStringLiteral("catalogue"), QStringLiteral("Tate collection (CC0)")},
    };
    for (const auto &[statement, values] :
         {std::pair{QStringLiteral("DELETE FROM gavel_meta WHERE key = 'demo'"), QVariantList{}},
          std::pair{QStringLiteral("INSERT INTO gavel_meta (key, value) VALUES ('demo', ?)"),
                    QVariantList{QString::fromUtf8(QJsonDocument(demo).toJson(QJsonDocument::Compact))}}}) {
        auto done = Sql::exec(m_db, statement, values, QStringLiteral("marking the demo database"));
        if (!done) {
            return done.error();
        }
    }
    return {};
}

DemoStats DemoGenerator::Run::stats() const
{
    DemoStats stats;
    stats.customers = m_options.customers;
    stats.sales = m_schedule ? static_cast<qint64>(m_schedule->sales().size()) : 0;
    stats.lots = m_schedule ? static_cast<qint64>(m_schedule->lots().size()) : 0;
    stats.events = m_events;
    for (const Writer::TableStats &table : m_writer.stats()) {
        if (table.table == u"demo_lot_links") {
            continue;
        }
        stats.tables.push_back({table.table, table.rows, static_cast<double>(table.nanoseconds) / 1e9});
        stats.totalRows += table.rows;
        if (table.table == u"bids") {
            stats.bids = table.rows;
        } else if (table.table == u"invoices") {
            stats.invoices = table.rows;
        }
    }
    stats.seconds = static_cast<double>(m_timer.nsecsElapsed()) / 1e9;
    return stats;
}

DemoGenerator::DemoGenerator(Database &database, DemoOptions options)
    : m_database(database), m_options(std::move(options))
{
    if (m_options.cataloguePath.isEmpty()) {
        m_options.cataloguePath = QStringLiteral(":/demo/tate-artworks.csv");
    }
}

DemoGenerator::~DemoGenerator() = default;

Status DemoGenerator::generate(const std::function<bool(qint64, qint64, const QString &)> &progress)
{
    m_stats = DemoStats();
    if (m_options.customers < 1 || m_options.customers > 20000000) {
        return Error::make(
            ErrorKind::Invalid,
            QStringLiteral("A demo house needs between 1 and 20,000,000 customers, not %1.").arg(m_options.customers));
    }
    const QSqlDatabase db = m_database.connection();
    auto existing = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM customers"), {},
                                QStringLiteral("checking that the database is empty"));
    if (!existing) {
        return existing.error();
    }
    if (existing->toLongLong() > 0) {
        return Error::make(ErrorKind::Invalid,
                           QStringLiteral("The demo house can only be written into an empty database; “%1” already has "
                                          "%2 customers. Choose a new file or an empty database.")
                               .arg(m_database.spec().describe())
                               .arg(existing->toLongLong()));
    }
    const QDate anchor = m_options.anchorDate.isValid() ? m_options.anchorDate : QDate::currentDate();

    // One transaction: on an error or a cancel, the rollback takes every demo row with it
    // (and brings back the indexes set aside, DDL being transactional on both engines).
    Transaction transaction(db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    Run run(m_database, m_options, anchor, progress);
    std::unique_ptr<DeferredIndexes> deferred;
    Status status = run.execute(deferred);
    if (status) {
        // The demo rows are bulk-written: check their contacts as an import does, so that
        // e-mail and SMS eligibility are on the rows for segments, lists and exports.
        auto checked = ContactValidationStore(db).revalidate(
            ContactValidationStore::Scope::Outdated, [&progress](qint64 done, qint64 total) {
                return !progress || progress(done, total, QStringLiteral("Checking contact details"));
            });
        if (!checked) {
            status = checked.error();
        }
    }
    if (status) {
        status = transaction.commit();
    }
    if (!status) {
        transaction.rollback();
        deferred.reset(); // after the rollback: the indexes are back, nothing to rebuild
        m_stats = DemoStats();
        return status;
    }
    deferred.reset();
    m_stats = run.stats();
    if (progress) {
        progress(1, 1, QStringLiteral("Done"));
    }
    return {};
}

} // namespace Gavel::Models
