#include "activityfixture.h"
#include "activitymodel.h"
#include "activitystore.h"
#include "activitytext.h"
#include "invoicestore.h"
#include "roles.h"
#include "sql.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Gavel::Models;
using Gavel::Tests::ActivityFixture;

namespace {

/// The event rows of the model (top-level rows that are not day headings), in display order.
QList<QModelIndex> eventRows(const ActivityModel &model)
{
    QList<QModelIndex> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(ActivityRowRole).toInt() == int(ActivityModel::RowType::Event)) {
            rows << index;
        }
    }
    return rows;
}

/// (ts, id) of every event row of the model, in display order.
QList<QPair<qint64, qint64>> eventsShown(const ActivityModel &model)
{
    QList<QPair<qint64, qint64>> shown;
    for (const QModelIndex &index : eventRows(model)) {
        const ActivityEvent *event = model.eventAt(index);
        shown << qMakePair(event->ts, event->id);
    }
    return shown;
}

QList<QPair<qint64, qint64>> keysOf(const QList<ActivityFixture::Event> &events)
{
    QList<QPair<qint64, qint64>> keys;
    for (const ActivityFixture::Event &event : events) {
        keys << qMakePair(event.ts, event.id);
    }
    return keys;
}

void fetchAll(ActivityModel &model)
{
    int guard = 0;
    while (model.canFetchMore({}) && ++guard < 1000) {
        model.fetchMore({});
    }
    QVERIFY(!model.canFetchMore({}));
}

/// The detail line of an event row with this label.
QModelIndex detailLine(const ActivityModel &model, const QModelIndex &event, const QString &label)
{
    for (int row = 0; row < model.rowCount(event); ++row) {
        const QModelIndex line = model.index(row, 0, event);
        if (line.data(DetailLabelRole).toString() == label) {
            return line;
        }
    }
    return {};
}

/// The event row of the given kind (the first one, newest first).
QModelIndex eventRow(const ActivityModel &model, EventKind kind)
{
    for (const QModelIndex &index : eventRows(model)) {
        if (index.data(EventKindRole).toInt() == static_cast<int>(kind)) {
            return index;
        }
    }
    return {};
}

} // namespace

class TestActivityModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
        // Day headings are in local time; the fixture's days are UTC days.
        qputenv("TZ", "UTC");
    }

    void passesTheModelTesterWhilePaging()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityModel model(test->db());
        model.setPageSize(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Qt 6.4's tester fetches from inside its modelReset handler; the test drives paging.
        tester.setUseFetchMore(false);
        model.load(fixture.alice, ActivityFilter());
        QCOMPARE(model.eventCount(), 3);
        QVERIFY(model.canFetchMore({}));
        fetchAll(model);
        QCOMPARE(model.eventCount(), fixture.aliceEvents.size());
        // Filters reset and page again under the tester's eye.
        model.load(fixture.alice, ActivityFilter::only(EventCategory::Email));
        fetchAll(model);
        ActivityFilter text;
        text.setText(QStringLiteral("portrait"));
        model.setScanWindow(4);
        model.load(fixture.alice, text);
        fetchAll(model);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Keyset paging on (ts, id): seven events in one second split over pages of three, and
    // still every event comes exactly once, in order.
    void pagingAcrossEqualTimestampsCoversEveryEventOnce_data()
    {
        QTest::addColumn<int>("pageSize");
        for (int size : {1, 2, 3, 4, 7, 50}) {
            QTest::addRow("page of %d", size) << size;
        }
    }

    void pagingAcrossEqualTimestampsCoversEveryEventOnce()
    {
        QFETCH(int, pageSize);
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityModel model(test->db());
        model.setPageSize(pageSize);
        model.load(fixture.alice, ActivityFilter());
        fetchAll(model);
        QCOMPARE(eventsShown(model), keysOf(fixture.aliceEvents));

        // The store's pages, read directly: the boundaries fall inside the cluster.
        ActivityStore store(test->db());
        std::optional<ActivityCursor> cursor;
        QList<QPair<qint64, qint64>> read;
        int pages = 0;
        do {
            auto page = store.page(fixture.alice, ActivityFilter(), cursor, pageSize);
            QVERIFY(page.ok());
            QVERIFY(page->events.size() <= pageSize);
            QVERIFY(!page->partial);
            for (const ActivityEvent &event : page->events) {
                read << qMakePair(event.ts, event.id);
                QCOMPARE(event.customerId, fixture.alice);
            }
            cursor = page->next;
            ++pages;
        } while (cursor);
        QCOMPARE(read, keysOf(fixture.aliceEvents));
        QCOMPARE(pages, int((fixture.aliceEvents.size() + pageSize - 1) / pageSize));
    }

    // Days are headings, newest first; a day split by a page boundary stays one heading.
    void groupsByDayAcrossPages()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityModel model(test->db());
        model.setPageSize(3);
        model.setToday(QDateTime::fromSecsSinceEpoch(fixture.base, QTimeZone::utc()).date());
        model.load(fixture.alice, ActivityFilter());
        fetchAll(model);

        QList<QDate> days;
        for (const ActivityFixture::Event &event : fixture.aliceEvents) {
            const QDate day = QDateTime::fromSecsSinceEpoch(event.ts, QTimeZone::utc()).date();
            if (days.isEmpty() || days.constLast() != day) {
                days << day;
            }
        }
        // One heading per day, each followed by that day's events only.
        QStringList headings;
        QDate current;
        int inCluster = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            if (index.data(ActivityRowRole).toInt() == int(ActivityModel::RowType::Day)) {
                headings << index.data().toString();
                current = index.data(SortRole).toDate();
                QCOMPARE(model.rowCount(index), 0);
                QVERIFY(!(model.flags(index) & Qt::ItemIsSelectable));
                continue;
            }
            const ActivityEvent *event = model.eventAt(index);
            QCOMPARE(QDateTime::fromSecsSinceEpoch(event->ts, QTimeZone::utc()).date(), current);
            if (headings.size() == 3) {
                ++inCluster;
            }
        }
        QCOMPARE(headings.size(), days.size());
        QCOMPARE(headings.at(0), QStringLiteral("Today"));
        QCOMPARE(headings.at(1), QStringLiteral("Yesterday"));
        QCOMPARE(headings.at(2), QStringLiteral("18 March 2024"));
        QCOMPARE(model.rowCount(), days.size() + fixture.aliceEvents.size());
        // The cluster's day holds its seven events under one heading.
        QCOMPARE(inCluster, 7);
    }

    void filtersByCategory_data()
    {
        QTest::addColumn<QList<EventCategory>>("categories");
        for (const EventCategory category : allEventCategories()) {
            QTest::newRow(qPrintable(eventCategoryKey(category))) << QList<EventCategory>{category};
        }
        QTest::newRow("invoices and bidding") << QList<EventCategory>{EventCategory::Invoice, EventCategory::Bidding};
        QTest::newRow("all") << allEventCategories();
        QTest::newRow("none") << QList<EventCategory>{};
    }

    void filtersByCategory()
    {
        QFETCH(QList<EventCategory>, categories);
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityFilter filter;
        filter.includeNone();
        for (const EventCategory category : categories) {
            filter.setIncluded(category, true);
        }
        const auto expected = fixture.expected(categories);
        // Every category of the fixture has events; the test must be able to fail.
        QVERIFY(categories.isEmpty() || !expected.isEmpty());

        ActivityModel model(test->db());
        model.setPageSize(2);
        model.load(fixture.alice, filter);
        fetchAll(model);
        QCOMPARE(eventsShown(model), keysOf(expected));
        for (const QModelIndex &row : eventRows(model)) {
            QVERIFY(categories.contains(EventCategory(row.data(EventCategoryRole).toInt())));
        }
    }

    // The text filter finds words in the event's name, its free text and the names of what it
    // refers to, on short scan windows that leave pages partial.
    void filtersByText_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<int>("scanWindow");
        for (const int window : {3, 5000}) {
            QTest::addRow("lot title, %d", window) << QStringLiteral("portrait") << window;
            QTest::addRow("invoice number, %d", window) << QStringLiteral("inv-1001") << window;
            QTest::addRow("campaign name, %d", window) << QStringLiteral("SPRING") << window;
            QTest::addRow("event name, %d", window) << QStringLiteral("opened") << window;
            QTest::addRow("category name, %d", window) << QStringLiteral("invoices") << window;
            QTest::addRow("sale number, %d", window) << QStringLiteral("OM-2401") << window;
            QTest::addRow("free text, %d", window) << QStringLiteral("how-to") << window;
            QTest::addRow("tag, %d", window) << QStringLiteral("flemish") << window;
            QTest::addRow("consignment, %d", window) << QStringLiteral("CN-77") << window;
            QTest::addRow("note, %d", window) << QStringLiteral("specialist") << window;
            QTest::addRow("poll, %d", window) << QStringLiteral("survey") << window;
            QTest::addRow("promo code, %d", window) << QStringLiteral("freeship") << window;
            QTest::addRow("two words, %d", window) << QStringLiteral("spring lady") << window;
            QTest::addRow("percent is literal, %d", window) << QStringLiteral("%") << window;
            QTest::addRow("underscore is literal, %d", window) << QStringLiteral("_") << window;
            QTest::addRow("nothing, %d", window) << QStringLiteral("zanzibar") << window;
        }
    }

    void filtersByText()
    {
        QFETCH(QString, words);
        QFETCH(int, scanWindow);
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityFilter filter;
        filter.setText(words);
        const auto expected = fixture.expected(allEventCategories(), words);

        ActivityModel model(test->db());
        model.setPageSize(3);
        model.setScanWindow(scanWindow);
        model.setFetchBudget(0); // one scan window per fetch: partial pages for sure
        model.load(fixture.alice, filter);
        fetchAll(model);
        QCOMPARE(eventsShown(model), keysOf(expected));

        // Combined with a category.
        ActivityFilter invoices = ActivityFilter::only(EventCategory::Invoice);
        invoices.setText(words);
        model.load(fixture.alice, invoices);
        fetchAll(model);
        QCOMPARE(eventsShown(model), keysOf(fixture.expected({EventCategory::Invoice}, words)));
    }

    // A text search examines at most one scan window per call: a rare word on a long
    // history comes back partial, saying how far back it looked, and reading on finds the rest.
    void textSearchIsBoundedAndResumes()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityStore store(test->db());
        store.setScanWindow(4);
        ActivityFilter filter;
        filter.setText(QStringLiteral("Delivered by courier")); // only the oldest event
        auto page = store.page(fixture.alice, filter, std::nullopt, 10);
        QVERIFY(page.ok());
        QVERIFY(page->events.isEmpty());
        QVERIFY(page->partial);
        QVERIFY(page->next.has_value());
        // The bound is the fourth event.
        QCOMPARE(page->next->ts, fixture.aliceEvents.at(3).ts);
        QCOMPARE(page->next->id, fixture.aliceEvents.at(3).id);

        int calls = 1;
        QList<ActivityEvent> found;
        while (page->next) {
            page = store.page(fixture.alice, filter, page->next, 10);
            QVERIFY(page.ok());
            found += page->events;
            ++calls;
        }
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().eventKind(), EventKind::ConsignmentReceived);
        QCOMPARE(calls, int((fixture.aliceEvents.size() + 3) / 4));

        // fill() keeps reading within its budget and reaches it in one call.
        auto filled = store.fill(fixture.alice, filter, std::nullopt, 10, 60000);
        QVERIFY(filled.ok());
        QCOMPARE(filled->events.size(), 1);
        QVERIFY(filled->atEnd());

        // The model tells the panel how far a partial search has looked.
        ActivityModel model(test->db());
        model.setScanWindow(4);
        model.setFetchBudget(0);
        QSignalSpy paging(&model, &ActivityModel::pagingChanged);
        model.load(fixture.alice, filter);
        QVERIFY(model.isPartial());
        QCOMPARE(model.searchedBackTo(), fixture.aliceEvents.at(3).ts);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(paging.count() >= 1);
    }

    void otherCustomersEventsNeverShow()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityModel model(test->db());
        model.load(fixture.carol, ActivityFilter());
        fetchAll(model);
        QCOMPARE(model.eventCount(), 3);
        // Carol's events point at Alice's invoice: its number is not Carol's to see.
        const QModelIndex event = eventRow(model, EventKind::InvoiceIssued);
        QVERIFY(!event.data(DescriptionRole).toString().contains(QStringLiteral("INV-1001")));
        ActivityFilter text;
        text.setText(QStringLiteral("INV-1001"));
        model.load(fixture.carol, text);
        fetchAll(model);
        QCOMPARE(model.eventCount(), 0);
        model.load(fixture.bob, ActivityFilter());
        QCOMPARE(model.eventCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    // What a row says and where its links lead.
    void rowsDescribeAndLink()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityModel model(test->db());
        model.load(fixture.alice, ActivityFilter());
        fetchAll(model);

        const QModelIndex lotClick = eventRow(model, EventKind::EmailLotClicked);
        QVERIFY(lotClick.isValid());
        QCOMPARE(lotClick.data(EventNameRole).toString(), QStringLiteral("Lot clicked in e-mail"));
        QCOMPARE(lotClick.data(DescriptionRole).toString(),
                 QStringLiteral("Spring Old Masters preview · Lot 12: Portrait of a Lady"));
        QCOMPARE(lotClick.data(TimeTextRole).toString(), QStringLiteral("12:00"));
        const auto segments = lotClick.data(SegmentsRole).value<QList<ActivitySegment>>();
        QCOMPARE(segments.size(), 3);
        QCOMPARE(segments.at(0).link.target, ActivityLink::Target::Campaign);
        QCOMPARE(segments.at(0).link.id, fixture.spring);
        QCOMPARE(segments.at(2).link.target, ActivityLink::Target::Lot);
        QCOMPARE(segments.at(2).link.id, fixture.lotWon);
        QCOMPARE(lotClick.data(LinkRole).value<ActivityLink>().target, ActivityLink::Target::Campaign);

        // The expanded lines: time, every reference as a link, the sale of the lot.
        QCOMPARE(detailLine(model, lotClick, QStringLiteral("When")).data(DetailValueRole).toString(),
                 QStringLiteral("18 March 2024 12:00"));
        const QModelIndex lot = detailLine(model, lotClick, QStringLiteral("Lot"));
        QCOMPARE(lot.data(LinkRole).value<ActivityLink>().id, fixture.lotWon);
        const QModelIndex sale = detailLine(model, lotClick, QStringLiteral("Sale"));
        QCOMPARE(sale.data(LinkRole).value<ActivityLink>().target, ActivityLink::Target::Sale);
        QCOMPARE(sale.data(LinkRole).value<ActivityLink>().id, fixture.sale);
        QCOMPARE(sale.data(DetailValueRole).toString(), QStringLiteral("Old Masters Evening Sale (sale OM-2401)"));
        QCOMPARE(model.parent(lot), lotClick);

        const QModelIndex paid = eventRow(model, EventKind::InvoicePaid);
        QCOMPARE(paid.data(DescriptionRole).toString(),
                 QStringLiteral("Invoice INV-1001 · £19,550 · Old Masters Evening Sale (sale OM-2401)"));
        QCOMPARE(paid.data(LinkRole).value<ActivityLink>().target, ActivityLink::Target::Invoice);
        QCOMPARE(paid.data(LinkRole).value<ActivityLink>().id, fixture.invoice);
        QCOMPARE(detailLine(model, paid, QStringLiteral("Method")).data(DetailValueRole).toString(),
                 QStringLiteral("Bank transfer"));

        const QModelIndex call = eventRow(model, EventKind::CallCentreContact);
        QCOMPARE(detailLine(model, call, QStringLiteral("Staff")).data(DetailValueRole).toString(),
                 QStringLiteral("Anna"));
        QCOMPARE(detailLine(model, call, QStringLiteral("Duration (minutes)")).data(DetailValueRole).toString(),
                 QStringLiteral("12"));

        const QModelIndex score = eventRow(model, EventKind::ScoreChanged);
        QCOMPARE(score.data(DescriptionRole).toString(), QStringLiteral("+15 · Bought above estimate"));
        QCOMPARE(eventRow(model, EventKind::TagSet).data(DescriptionRole).toString(),
                 QStringLiteral("Flemish portraiture"));
        QCOMPARE(eventRow(model, EventKind::CategoryViewed).data(DescriptionRole).toString(),
                 QStringLiteral("Portraits"));

        // A bid on a lot that was deleted says so and links nowhere.
        QModelIndex gone;
        for (const QModelIndex &index : eventRows(model)) {
            if (model.eventAt(index)->lotId == fixture.goneLot) {
                gone = index;
            }
        }
        QVERIFY(gone.isValid());
        QCOMPARE(gone.data(DescriptionRole).toString(), QStringLiteral("£900 · a lot no longer on record"));
        QVERIFY(!gone.data(LinkRole).isValid());
        QCOMPARE(detailLine(model, gone, QStringLiteral("Lot")).data(DetailValueRole).toString(),
                 QStringLiteral("no longer on record"));
    }

    // Imports often repeat the tag's or category's name in the free text: say it once.
    void describesTheFreeTextOnlyWhenItAddsSomething_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("refName");
        QTest::addColumn<QString>("info");
        QTest::addColumn<QString>("description");
        QTest::addColumn<int>("detailLines");
        const int tag = static_cast<int>(EventKind::TagSet);
        const int category = static_cast<int>(EventKind::CategoryViewed);
        QTest::newRow("tag repeated") << tag << "geometric"
                                      << "geometric"
                                      << "geometric" << 2;
        QTest::newRow("other case and spaces") << category << "Abstract painting"
                                               << " abstract  painting"
                                               << "Abstract painting" << 2;
        QTest::newRow("something more") << tag << "geometric"
                                        << "from the spring import"
                                        << "geometric · from the spring import" << 3;
        QTest::newRow("free text alone") << category << ""
                                         << "Jades"
                                         << "Jades" << 2;
    }

    void describesTheFreeTextOnlyWhenItAddsSomething()
    {
        QFETCH(int, kind);
        QFETCH(QString, refName);
        QFETCH(QString, info);
        QFETCH(QString, description);
        QFETCH(int, detailLines);
        ActivityEvent event;
        event.ts = 1710936000;
        event.kind = kind;
        event.refName = refName;
        event.info = info;
        const QLocale locale(QStringLiteral("en_GB"));
        QCOMPARE(ActivityText::plainDescription(event, locale), description);
        // "When", then the name and the free text each once.
        QCOMPARE(ActivityText::details(event, locale).size(), detailLines);
    }

    void namesPaymentMethods_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        QTest::newRow("code") << "bank_transfer"
                              << "Bank transfer";
        QTest::newRow("code, other case") << "CARD"
                                          << "Card";
        QTest::newRow("cheque") << "cheque"
                                << "Cheque";
        QTest::newRow("words kept") << "Bank transfer"
                                    << "Bank transfer";
        QTest::newRow("unknown kept") << "PayPal"
                                      << "PayPal";
        QTest::newRow("none") << ""
                              << "";
    }

    void namesPaymentMethods()
    {
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QCOMPARE(InvoiceStore::paymentMethodLabel(stored), shown);
    }

    void everyKindHasANameAndCategory()
    {
        for (const EventKind kind : allEventKinds()) {
            ActivityEvent event;
            event.kind = static_cast<int>(kind);
            QVERIFY(!ActivityText::name(event).isEmpty());
            QVERIFY(allEventCategories().contains(event.category()));
        }
        ActivityEvent future;
        future.kind = 17; // a kind a newer Gavel may write
        QCOMPARE(ActivityText::name(future), QStringLiteral("Other activity"));
    }

    void campaignEventsOfOneCustomer()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityStore store(test->db());
        auto events =
            store.campaignEvents(fixture.alice, fixture.spring, fixture.base - 3 * 86400, fixture.base + 86400, 100);
        QVERIFY(events.ok());
        QList<EventKind> kinds;
        for (const ActivityEvent &event : *events) {
            kinds << event.eventKind();
            QCOMPARE(event.campaignId, fixture.spring);
        }
        // Oldest first: sent, then the cluster's three (ordered by id within the second), then the promo code.
        QCOMPARE(kinds.size(), 5);
        QCOMPARE(kinds.constFirst(), EventKind::EmailSent);
        QCOMPARE(kinds.constLast(), EventKind::PromoCodeIssued);
        QVERIFY(kinds.contains(EventKind::EmailLinkClicked));
        auto none = store.campaignEvents(fixture.bob, fixture.spring, 0, fixture.base, 100);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void aFailedReadIsReportedAndStopsPaging()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        ActivityFixture fixture;
        QVERIFY(fixture.build(test->db()).ok());
        ActivityModel model(test->db());
        model.setPageSize(3);
        model.load(fixture.alice, ActivityFilter());
        QSignalSpy errors(&model, &ActivityModel::errorOccurred);
        QVERIFY(
            Sql::exec(test->db().connection(), QStringLiteral("DROP TABLE events"), {}, QStringLiteral("test")).ok());
        model.fetchMore({});
        QCOMPARE(errors.count(), 1);
        QVERIFY(
            errors.at(0).at(0).value<Error>().message.contains(QStringLiteral("reading the customer's activities")));
        QCOMPARE(model.eventCount(), 3); // what was shown stays
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
