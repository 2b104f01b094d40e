#include "auditstore.h"
#include "customerfilter.h"
#include "invoicecolumns.h"
#include "invoicetabdata.h"
#include "marketingdata.h"
#include "marketingfixture.h"
#include "pollstore.h"
#include "profileexporter.h"
#include "profilesections.h"
#include "recordtablemodel.h"
#include "roles.h"
#include "sql.h"
#include "subscriptionmatrixstore.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Gavel;
using namespace Qt::StringLiterals;
using Models::SubscriptionMatrix;
using Models::SubscriptionMatrixStore;
using Tests::MarketingFixture;

// The models behind the profile's Invoices and Marketing tabs, on the house of
// tests/support/marketingfixture.cpp (whose comment lists what each customer has).
class TestMarketingStores : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    MarketingFixture m_fixture;

    Models::Database &db() { return m_test->db(); }

    QString subscriptionStatus(qint64 customerId, const QString &channel, qint64 categoryId)
    {
        auto status = Models::Sql::scalar(db().connection(),
                                          QStringLiteral("SELECT status FROM subscriptions WHERE customer_id = ?"
                                                         " AND channel = ? AND category_id = ?"),
                                          {customerId, channel, categoryId}, QStringLiteral("test"));
        return status ? status->toString() : QStringLiteral("(error)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    }

    void init()
    {
        QSettings().clear();
        GAVEL_OPEN_TEST_DATABASE(test);
        m_test = std::move(test);
        m_fixture = {};
        const QString error = m_fixture.build(db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    void invoicesNewestFirstWithTheirFigures()
    {
        auto data = Models::InvoiceTabData::load(db(), m_fixture.a);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().fullText()));
        QStringList numbers;
        for (const Models::InvoiceSummary &invoice : std::as_const(data->invoices)) {
            numbers << invoice.invoiceNo;
        }
        QCOMPARE(numbers, QStringList({u"INV-4"_s, u"INV-2"_s, u"INV-3"_s, u"INV-1"_s}));
        const Models::InvoiceSummary &inv2 = data->invoices.at(1);
        QCOMPARE(inv2.id, m_fixture.inv2);
        QCOMPARE(inv2.saleNo, u"S2"_s);
        QCOMPARE(inv2.saleTitle, u"Clocks and Watches"_s);
        QCOMPARE(inv2.venue, u"London Saleroom"_s);
        QCOMPARE(inv2.status, u"issued"_s);
        QCOMPARE(inv2.hammerMinor, 200000);
        QCOMPARE(inv2.premiumMinor, 50000);
        QCOMPARE(inv2.taxMinor, 10000);
        QCOMPARE(inv2.totalMinor, 260000);
        QCOMPARE(inv2.lineCount, 2);
        QVERIFY(inv2.paymentMethod.isEmpty());
        QCOMPARE(data->invoices.at(0).deliveryMinor, 450);
        QCOMPARE(data->invoices.at(0).saleId, 0);
    }

    void favouriteVenuesCountInvoicesAndPlatforms()
    {
        auto data = Models::InvoiceTabData::load(db(), m_fixture.a);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().fullText()));
        QStringList venues;
        for (const Models::VenueUsage &venue : std::as_const(data->venues)) {
            venues << QStringLiteral("%1 %2 %3").arg(venue.code, venue.kind).arg(venue.invoices);
        }
        // LDN: INV-1 and INV-2; SHP: INV-4 (INV-3 cancelled); TSR: registered for sale 1.
        // Ties by name: "House Shop" before "the-saleroom.com".
        QCOMPARE(venues, QStringList({u"LDN saleroom 2"_s, u"SHP shop 1"_s, u"TSR platform 1"_s}));
        auto none = Models::InvoiceTabData::load(db(), m_fixture.c);
        QVERIFY(none);
        QVERIFY(none->venues.isEmpty());
        QVERIFY(none->invoices.isEmpty());
    }

    void theAbandonedBasketHoldsWhatWasNotBought()
    {
        auto data = Models::InvoiceTabData::load(db(), m_fixture.a);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().fullText()));
        QStringList items;
        for (const Models::BasketItem &item : std::as_const(data->basket)) {
            items << QStringLiteral("%1 %2×%3 %4").arg(item.name).arg(item.quantity).arg(item.priceMinor).arg(
                         item.basketStatus);
        }
        QCOMPARE(items, QStringList({u"Print 1×8000 open"_s, u"Tote bag 2×1200 abandoned"_s,
                                     u"Catalogue 1×2500 abandoned"_s}));
        QCOMPARE(data->basket.at(2).addedAt, QDateTime(QDate(2024, 4, 2), QTime(10, 0), QTimeZone::utc()));

        const QJsonObject json = data->toJson();
        QCOMPARE(json.value(u"favouriteVenues"_s).toArray().size(), 3);
        const QJsonObject first = json.value(u"abandonedBasket"_s).toArray().at(2).toObject();
        QCOMPARE(first.value(u"name"_s).toString(), u"Catalogue"_s);
        QCOMPARE(first.value(u"price"_s).toObject().value(u"minor"_s).toInteger(), 2500);
        QCOMPARE(first.value(u"addedAt"_s).toString(), u"2024-04-02T10:00:00Z"_s);
    }

    void invoiceColumnsNormalised_data()
    {
        QTest::addColumn<QStringList>("chosen");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("nothing: the number stays") << QStringList() << QStringList({u"number"_s});
        QTest::newRow("put in display order") << QStringList({u"total"_s, u"number"_s, u"issued"_s})
                                              << QStringList({u"number"_s, u"issued"_s, u"total"_s});
        QTest::newRow("unknown keys dropped") << QStringList({u"colour"_s, u"tax"_s})
                                              << QStringList({u"number"_s, u"tax"_s});
        QTest::newRow("duplicates once") << QStringList({u"tax"_s, u"tax"_s}) << QStringList({u"number"_s, u"tax"_s});
    }

    void invoiceColumnsNormalised()
    {
        QFETCH(QStringList, chosen);
        QFETCH(QStringList, expected);
        QCOMPARE(Models::InvoiceColumns::normalised(chosen), expected);
    }

    void invoiceColumnsFollowTheUsersChoice()
    {
        QCOMPARE(Models::InvoiceColumns::chosen(), Models::InvoiceColumns::defaultKeys());
        Models::InvoiceColumns::setChosen({u"premium"_s, u"payment"_s});
        const QStringList keys = Models::InvoiceColumns::chosen();
        QCOMPARE(keys, QStringList({u"number"_s, u"premium"_s, u"payment"_s}));
        QCOMPARE(Models::InvoiceColumns::headers(keys),
                 QStringList({u"Invoice"_s, u"Buyer's premium"_s, u"Payment"_s}));

        auto data = Models::InvoiceTabData::load(db(), m_fixture.a);
        QVERIFY(data);
        const QList<Models::RecordTableModel::Row> rows = Models::InvoiceColumns::rows(data->invoices, keys);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(3).id, m_fixture.inv1);
        QCOMPARE(rows.at(3).cells.at(0).text, u"INV-1"_s);
        QCOMPARE(rows.at(3).cells.at(1).text, u"£250"_s);
        QCOMPARE(rows.at(3).cells.at(1).sort.toLongLong(), 25000);
        QCOMPARE(rows.at(3).cells.at(2).text, u"Bank transfer"_s);
        QVERIFY(rows.at(2).muted); // INV-3 is cancelled
        QVERIFY(!rows.at(3).muted);
    }

    void recordTableModelIsAWellBehavedModel()
    {
        Models::RecordTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        Models::RecordTableModel::Row row;
        row.id = 42;
        row.muted = true;
        row.cells << Models::RecordTableModel::Cell{u"Élan"_s, {}, u"tip"_s, false}
                  << Models::RecordTableModel::Cell{u"£1.00"_s, 100, {}, true};
        model.setTable({u"Name"_s, u"Amount"_s}, {row, Models::RecordTableModel::Row{}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Amount"_s);
        QCOMPARE(model.index(0, 0).data().toString(), u"Élan"_s);
        QCOMPARE(model.index(0, 0).data(Models::SortRole).toString(), u"élan"_s);
        QCOMPARE(model.index(0, 1).data(Models::SortRole).toLongLong(), 100);
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), u"tip"_s);
        QCOMPARE(model.index(0, 1).data(Models::IdRole).toLongLong(), 42);
        QVERIFY(model.index(0, 1).data(Models::MutedRole).toBool());
        QVERIFY(!model.index(1, 0).data().isValid()); // a row without cells
        QCOMPARE(model.rowOfId(42), 0);
        QCOMPARE(model.rowOfId(7), -1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 2);
    }

    void mailingsShowTheControlGroupAsSuch()
    {
        auto data = Models::MarketingData::load(db(), m_fixture.a);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().fullText()));
        QCOMPARE(data->mailings.size(), 3);
        const Models::Mailing &sms = data->mailings.at(0);
        QCOMPARE(sms.name, u"Viewing Reminder"_s);
        QCOMPARE(sms.channel, u"sms"_s);
        QVERIFY(!sms.inControl);
        QVERIFY(!sms.openedAt.isValid());
        const Models::Mailing &control = data->mailings.at(1);
        QCOMPARE(control.campaignId, m_fixture.controlCampaign);
        QVERIFY(control.inControl);
        QCOMPARE(control.category, u"Newsletter"_s);
        const Models::Mailing &sent = data->mailings.at(2);
        QCOMPARE(sent.campaignId, m_fixture.sentCampaign);
        QCOMPARE(sent.category, u"Sale alerts"_s);
        QCOMPARE(sent.opens, 2);
        QCOMPARE(sent.clicks, 1);
        QVERIFY(sent.clickedAt.isValid());

        const QJsonObject summary = data->toJson().value(u"mailingSummary"_s).toObject();
        QCOMPARE(summary.value(u"received"_s).toInt(), 2);
        QCOMPARE(summary.value(u"controlGroup"_s).toInt(), 1);
        QCOMPARE(summary.value(u"opened"_s).toInt(), 1);
        QCOMPARE(summary.value(u"clicked"_s).toInt(), 1);
    }

    void promoCodesTagsAndPollAnswers()
    {
        auto data = Models::MarketingData::load(db(), m_fixture.a);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().fullText()));
        QCOMPARE(data->promoCodes.size(), 2);
        QCOMPARE(data->promoCodes.at(0).code, u"SPRING10B"_s);
        QVERIFY(data->promoCodes.at(0).reissued);
        QVERIFY(!data->promoCodes.at(0).redeemedAt.isValid());
        QCOMPARE(data->promoCodes.at(1).code, u"SPRING10"_s);
        QCOMPARE(data->promoCodes.at(1).campaign, u"Spring Sale Preview"_s);
        QCOMPARE(data->promoCodes.at(1).campaignId, m_fixture.sentCampaign);
        QCOMPARE(data->promoCodes.at(1).invoiceNo, u"INV-1"_s);
        QVERIFY(!data->promoCodes.at(1).reissued);

        QCOMPARE(data->tags.size(), 2); // suggested and removed ones are not the customer's
        QCOMPARE(data->tags.at(0).name, u"Silver"_s);
        QVERIFY(data->tags.at(0).starred);
        QCOMPARE(data->tags.at(1).name, u"Clocks"_s);
        QVERIFY(!data->tags.at(1).starred);

        QCOMPARE(data->pollAnswers.size(), 2);
        QCOMPARE(data->pollAnswers.at(0).pollId, m_fixture.poll);
        QCOMPARE(data->pollAnswers.at(0).question, u"Which department?"_s);
        QCOMPARE(data->pollAnswers.at(0).answer, u"Silver"_s);
        QCOMPARE(data->pollAnswers.at(1).answer, u"Monthly"_s);
    }

    void pollResultsCountEveryAnswer()
    {
        auto results = Models::PollStore(db()).results(m_fixture.poll);
        QVERIFY2(results.ok(), qPrintable(results.ok() ? QString() : results.error().fullText()));
        QCOMPARE(results->title, u"Collector survey"_s);
        QCOMPARE(results->campaignId, m_fixture.sentCampaign);
        QCOMPARE(results->questions.size(), 2);
        const Models::PollResults::Question &q1 = results->questions.at(0);
        QCOMPARE(q1.text, u"Which department?"_s);
        QCOMPARE(q1.respondents, 3);
        QCOMPARE(q1.answers.size(), 2);
        QCOMPARE(q1.answers.at(0).text, u"Silver"_s);
        QCOMPARE(q1.answers.at(0).count, 2);
        QCOMPARE(q1.answers.at(1).text, u"Clocks"_s);
        QCOMPARE(q1.answers.at(1).count, 1);
        const Models::PollResults::Question &q2 = results->questions.at(1);
        QCOMPARE(q2.respondents, 2);
        QCOMPARE(q2.answers.at(0).text, u"Monthly"_s); // a tie: by text
        QCOMPARE(q2.answers.at(1).text, u"Yearly"_s);

        auto quiet = Models::PollStore(db()).results(m_fixture.otherPoll);
        QVERIFY(quiet);
        QCOMPARE(quiet->questions.size(), 1);
        QCOMPARE(quiet->questions.at(0).respondents, 0);

        auto mine = Models::PollStore(db()).answersOf(m_fixture.poll, m_fixture.b);
        QVERIFY(mine);
        QCOMPARE(mine->value(2), u"Yearly"_s);

        auto gone = Models::PollStore(db()).results(m_fixture.poll + 1000);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Models::ErrorKind::NotFound);
    }

    void theMatrixShowsActiveCategoriesOnly()
    {
        auto matrix = SubscriptionMatrixStore(db()).load(m_fixture.a);
        QVERIFY2(matrix.ok(), qPrintable(matrix.ok() ? QString() : matrix.error().fullText()));
        QCOMPARE(matrix->categories.size(), 5);
        QVERIFY(matrix->isSubscribed(u"email"_s, m_fixture.newsletter));
        QVERIFY(matrix->isSubscribed(u"sms"_s, m_fixture.saleAlerts));
        QCOMPARE(matrix->cell(u"email"_s, m_fixture.offers).status, u"unsubscribed"_s);
        QVERIFY(matrix->cell(u"push"_s, m_fixture.offers).status.isEmpty());
        QCOMPARE(matrix->subscribedCount(), 2);
        QVERIFY(matrix->smsAvailable);

        QVERIFY(Models::Sql::exec(db().connection(),
                                  QStringLiteral("UPDATE subscription_categories SET active = 0 WHERE id = ?"),
                                  {m_fixture.offers}, QStringLiteral("test")));
        matrix = SubscriptionMatrixStore(db()).load(m_fixture.a);
        QVERIFY(matrix);
        QCOMPARE(matrix->categories.size(), 4);
        for (const SubscriptionMatrix::Category &category : std::as_const(matrix->categories)) {
            QVERIFY(category.id != m_fixture.offers);
        }
        auto refused = SubscriptionMatrixStore(db()).setSubscribed(m_fixture.a, u"email"_s, m_fixture.offers, true);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Models::ErrorKind::Invalid);
    }

    void aCellChangeIsSavedAndAudited()
    {
        SubscriptionMatrixStore store(db());
        auto changed = store.setSubscribed(m_fixture.a, u"post"_s, m_fixture.saleAlerts, true);
        QVERIFY2(changed.ok(), qPrintable(changed.ok() ? QString() : changed.error().fullText()));
        QVERIFY(*changed);
        QCOMPARE(subscriptionStatus(m_fixture.a, u"post"_s, m_fixture.saleAlerts), u"subscribed"_s);
        auto again = store.setSubscribed(m_fixture.a, u"post"_s, m_fixture.saleAlerts, true);
        QVERIFY(again);
        QVERIFY(!*again);
        auto off = store.setSubscribed(m_fixture.a, u"email"_s, m_fixture.newsletter, false);
        QVERIFY(off && *off);
        QCOMPARE(subscriptionStatus(m_fixture.a, u"email"_s, m_fixture.newsletter), u"unsubscribed"_s);
        // Unsubscribing from what was never subscribed records nothing.
        auto never = store.setSubscribed(m_fixture.a, u"push"_s, m_fixture.newsletter, false);
        QVERIFY(never && !*never);

        auto audit = Models::AuditStore(db().connection()).forCustomer(m_fixture.a);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 2);
        QStringList entries;
        for (const Models::AuditEntry &entry : std::as_const(*audit)) {
            entries << QStringLiteral("%1 %2 %3 %4→%5")
                           .arg(entry.entity, entry.action, entry.field, entry.oldValue, entry.newValue);
        }
        QVERIFY2(entries.contains(u"subscription create post:sale_alerts →subscribed"_s), qPrintable(entries.join(u'|')));
        QVERIFY2(entries.contains(u"subscription update email:newsletter subscribed→unsubscribed"_s),
                 qPrintable(entries.join(u'|')));

        auto bad = store.setSubscribed(m_fixture.a, u"fax"_s, m_fixture.newsletter, true);
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, Models::ErrorKind::Invalid);
        auto gone = store.setSubscribed(m_fixture.a + 1000, u"email"_s, m_fixture.newsletter, true);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Models::ErrorKind::NotFound);
    }

    void smsIsRefusedWithOnlyALandline()
    {
        auto matrix = SubscriptionMatrixStore(db()).load(m_fixture.c);
        QVERIFY(matrix);
        QVERIFY(!matrix->smsAvailable);
        QVERIFY2(matrix->smsUnavailableReason.contains(u"landline"_s, Qt::CaseInsensitive),
                 qPrintable(matrix->smsUnavailableReason));
        auto refused = SubscriptionMatrixStore(db()).setSubscribed(m_fixture.c, u"sms"_s, m_fixture.newsletter, true);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Models::ErrorKind::Invalid);
        QVERIFY2(refused.error().message.contains(u"landline"_s, Qt::CaseInsensitive),
                 qPrintable(refused.error().message));
        QVERIFY(subscriptionStatus(m_fixture.c, u"sms"_s, m_fixture.newsletter).isEmpty());

        const QJsonObject sms = matrix->toJson().value(u"sms"_s).toObject();
        QCOMPARE(sms.value(u"available"_s).toBool(), false);
        QVERIFY(sms.value(u"reason"_s).toString().contains(u"landline"_s, Qt::CaseInsensitive));
    }

    void unsubscribeFromAllEndsEverySubscription()
    {
        SubscriptionMatrixStore store(db());
        auto ended = store.unsubscribeFromAll(m_fixture.a);
        QVERIFY2(ended.ok(), qPrintable(ended.ok() ? QString() : ended.error().fullText()));
        QCOMPARE(*ended, 2);
        auto matrix = store.load(m_fixture.a);
        QVERIFY(matrix);
        QCOMPARE(matrix->subscribedCount(), 0);
        QCOMPARE(subscriptionStatus(m_fixture.a, u"sms"_s, m_fixture.saleAlerts), u"unsubscribed"_s);
        // C's subscription is untouched.
        QCOMPARE(subscriptionStatus(m_fixture.c, u"email"_s, m_fixture.newsletter), u"subscribed"_s);
        auto audit = Models::AuditStore(db().connection()).forCustomer(m_fixture.a);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 2);
        auto again = store.unsubscribeFromAll(m_fixture.a);
        QVERIFY(again);
        QCOMPARE(*again, 0);
    }

    // A tag lists every customer who has it (in any state but removed), by name ignoring case.
    void theTagFilterListsEveryCustomerWithTheTag()
    {
        QVERIFY(Models::CustomerFilter::isFilterText(u"tag:Silver"_s));
        auto filter = Models::CustomerFilter::fromPlaceText(db(), u"tag:SILVER"_s);
        QVERIFY2(filter.ok(), qPrintable(filter.ok() ? QString() : filter.error().fullText()));
        QVERIFY(!filter->isEmpty());
        QCOMPARE(filter->description, u"Tag “Silver”"_s);
        const auto members = [&](const Models::CustomerFilter &f) {
            QVariantList values;
            const QString condition = f.sqlCondition(&values);
            auto query = Models::Sql::exec(db().connection(),
                                           u"SELECT customer_no FROM customers WHERE "_s + condition +
                                               u" ORDER BY customer_no"_s,
                                           values, u"test"_s);
            QStringList numbers;
            while (query && query->next()) {
                numbers << query->value(0).toString();
            }
            return numbers;
        };
        QCOMPARE(members(*filter), QStringList({u"C-A"_s, u"C-B"_s})); // A starred it, B has it
        // Porcelain: A removed it, C has it.
        auto porcelain = Models::CustomerFilter::fromPlaceText(db(), u"tag:porcelain"_s);
        QVERIFY(porcelain.ok());
        QCOMPARE(members(*porcelain), QStringList({u"C-C"_s}));
        // Furniture is suggested to A (derived from what A engaged with): the list shows A, as
        // the Interests panel's tag chips do; only a removed tag leaves the list.
        auto furniture = Models::CustomerFilter::fromPlaceText(db(), u"tag:Furniture"_s);
        QVERIFY(furniture.ok());
        QCOMPARE(members(*furniture), QStringList({u"C-A"_s}));
        auto unknown = Models::CustomerFilter::fromPlaceText(db(), u"tag:Nothing"_s);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, Models::ErrorKind::NotFound);
        QVERIFY(*filter != *porcelain);
    }

    void theExportHoldsTheBlocks()
    {
        Models::ProfileExporter exporter(db());
        Models::addProfileSections(exporter);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const Models::Status status = exporter.exportJson(u"C-A"_s, buffer);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
        QJsonParseError error;
        const QJsonObject document = QJsonDocument::fromJson(bytes, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject purchasing = document.value(u"purchasing"_s).toObject();
        const QJsonObject firstVenue = purchasing.value(u"favouriteVenues"_s).toArray().at(0).toObject();
        QCOMPARE(firstVenue.value(u"code"_s).toString(), u"LDN"_s);
        QCOMPARE(firstVenue.value(u"invoices"_s).toInt(), 2);
        QCOMPARE(purchasing.value(u"abandonedBasket"_s).toArray().size(), 3);
        const QJsonObject marketing = document.value(u"marketing"_s).toObject();
        QCOMPARE(marketing.value(u"mailingSummary"_s).toObject().value(u"controlGroup"_s).toInt(), 1);
        QCOMPARE(marketing.value(u"tags"_s).toArray().size(), 2);
        const QJsonObject matrix = marketing.value(u"subscriptionMatrix"_s).toObject();
        QCOMPARE(matrix.value(u"cells"_s).toArray().size(), 5 * 4);
        QCOMPARE(matrix.value(u"sms"_s).toObject().value(u"available"_s).toBool(), true);
        // The built-in arrays hold the rows themselves.
        QCOMPARE(document.value(u"invoices"_s).toArray().size(), 4);
        QCOMPARE(document.value(u"campaignMemberships"_s).toArray().size(), 3);
        QCOMPARE(document.value(u"pollAnswers"_s).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMarketingStores)
#include "tst_marketingstores.moc"
