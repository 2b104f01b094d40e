#include "auditstore.h"
#include "customerfilter.h"
#include "customertagstore.h"
#include "interestfixture.h"
#include "interestmodel.h"
#include "sql.h"
#include "testdatabase.h"

#include <QTest>

using namespace Gavel;
using Models::CustomerTagStore;
using Models::TagState;
using Models::TagWeight;
using Tests::InterestFixture;

// The states of a customer's tags: derivation, staff changes, undo, audit and the list filter.
class TestCustomerTagStore : public QObject
{
    Q_OBJECT

private:
    static std::optional<TagState> stateOf(CustomerTagStore &store, qint64 customer, qint64 tag)
    {
        auto found = store.find(customer, tag);
        if (!found || !*found) {
            return std::nullopt;
        }
        return (*found)->state;
    }

    static QList<TagWeight> derived(const InterestFixture &f)
    {
        return {{f.oil, QStringLiteral("Oil"), QStringLiteral("keyword"), 7.0},
                {f.portrait, QStringLiteral("Portrait"), QStringLiteral("keyword"), 5.5},
                {f.gold, QStringLiteral("Gold"), QStringLiteral("keyword"), 2.95}};
    }

private Q_SLOTS:
    void derivationWritesOptionalTagsOnce()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CustomerTagStore store(test->db());
        auto changed = store.derive(fixture.a, derived(fixture));
        QVERIFY(changed.ok());
        QVERIFY(*changed);
        auto tags = store.forCustomer(fixture.a);
        QVERIFY(tags.ok());
        QCOMPARE(tags->size(), 3);
        QCOMPARE(tags->at(0).name, QStringLiteral("Oil")); // heaviest first
        QCOMPARE(tags->at(0).state, TagState::Optional);
        QCOMPARE(tags->at(0).source, QStringLiteral("derived"));
        QVERIFY(qFuzzyCompare(tags->at(0).weight, 7.0));
        // The same figures again write nothing.
        changed = store.derive(fixture.a, derived(fixture));
        QVERIFY(changed.ok());
        QVERIFY(!*changed);
        // Derivation is not a change by staff: nothing in the audit log.
        auto audit = Models::AuditStore(test->db().connection()).forCustomer(fixture.a);
        QVERIFY(audit.ok());
        QVERIFY(audit->isEmpty());
    }

    void removedStaysRemovedWhenDerivedAgain()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CustomerTagStore store(test->db());
        QVERIFY(store.derive(fixture.a, derived(fixture)).ok());
        QVERIFY(store.setState(fixture.a, fixture.portrait, TagState::Optional, TagState::Removed).ok());
        QVERIFY(store.setState(fixture.a, fixture.gold, TagState::Optional, TagState::Starred).ok());

        // Derived again, with new weights and Portrait now the strongest.
        QList<TagWeight> again = derived(fixture);
        again[1].weight = 9.0;
        std::swap(again[0], again[1]);
        QVERIFY(store.derive(fixture.a, again).ok());
        QVERIFY(stateOf(store, fixture.a, fixture.portrait) == TagState::Removed);
        QVERIFY(stateOf(store, fixture.a, fixture.gold) == TagState::Starred);
        QVERIFY(stateOf(store, fixture.a, fixture.oil) == TagState::Optional);
        // The removed tag's weight still follows behaviour (for the record), its state does not.
        QVERIFY(qFuzzyCompare((*store.find(fixture.a, fixture.portrait))->weight, 9.0));

        // Behaviour moves on: only Oil is derived now. The derived optional rows that fell out
        // go; what staff set stays, with weight 0.
        QVERIFY(store.derive(fixture.a, {{fixture.oil, QStringLiteral("Oil"), {}, 1.0}}).ok());
        QVERIFY(stateOf(store, fixture.a, fixture.portrait) == TagState::Removed);
        QVERIFY(stateOf(store, fixture.a, fixture.gold) == TagState::Starred);
        QCOMPARE((*store.find(fixture.a, fixture.gold))->weight, 0.0);
        QVERIFY(stateOf(store, fixture.a, fixture.oil) == TagState::Optional);
        // B is untouched by A's derivations.
        QVERIFY(store.forCustomer(fixture.b)->isEmpty());
    }

    void derivationKeepsTheStrongestOnly()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<TagWeight> many;
        for (int i = 0; i < Models::InterestModel::kDerivedTagCount + 5; ++i) {
            auto id = Models::Sql::scalar(test->db().connection(),
                                          QStringLiteral("INSERT INTO tags (name, name_key) VALUES (?, ?) RETURNING id"),
                                          {QStringLiteral("T%1").arg(i), QStringLiteral("t%1").arg(i)}, {});
            QVERIFY(id.ok());
            many << TagWeight{id->toLongLong(), QStringLiteral("T%1").arg(i), {}, 100.0 - i};
        }
        CustomerTagStore store(test->db());
        QVERIFY(store.derive(fixture.a, many).ok());
        auto tags = store.forCustomer(fixture.a);
        QCOMPARE(tags->size(), Models::InterestModel::kDerivedTagCount);
        QCOMPARE(tags->first().name, QStringLiteral("T0"));
    }

    void changesAreCheckedAuditedAndUndoable()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CustomerTagStore store(test->db());
        QVERIFY(store.derive(fixture.a, derived(fixture)).ok());

        auto change = store.setState(fixture.a, fixture.gold, TagState::Optional, TagState::Active);
        QVERIFY(change.ok());
        QCOMPARE(change->name, QStringLiteral("Gold"));
        QVERIFY(change->before == TagState::Optional);
        QVERIFY(change->after == TagState::Active);
        auto row = store.find(fixture.a, fixture.gold);
        QCOMPARE((*row)->state, TagState::Active);
        QCOMPARE((*row)->source, QStringLiteral("staff"));
        QCOMPARE((*row)->version, 2);
        QCOMPARE((*row)->updatedBy, test->db().actor());

        // Someone who still sees Gold as optional is told who changed it.
        auto stale = store.setState(fixture.a, fixture.gold, TagState::Optional, TagState::Removed);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, Models::ErrorKind::Conflict);
        QVERIFY2(stale.error().message.contains(test->db().actor()), qPrintable(stale.error().message));
        QVERIFY(stale.error().message.contains(QStringLiteral("Gold")));

        // Undo: back from active to optional.
        QVERIFY(store.change(fixture.a, fixture.gold, TagState::Active, TagState::Optional).ok());
        QVERIFY(stateOf(store, fixture.a, fixture.gold) == TagState::Optional);
        // Redo.
        QVERIFY(store.change(fixture.a, fixture.gold, TagState::Optional, TagState::Active).ok());
        QVERIFY(stateOf(store, fixture.a, fixture.gold) == TagState::Active);

        auto audit = Models::AuditStore(test->db().connection()).forCustomer(fixture.a);
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), 3);
        QSet<QString> values;
        for (const Models::AuditEntry &entry : std::as_const(*audit)) {
            QCOMPARE(entry.entity, QStringLiteral("customer_tag"));
            QCOMPARE(entry.action, QStringLiteral("update"));
            QCOMPARE(entry.field, QStringLiteral("state"));
            values << entry.oldValue + QStringLiteral(" → ") + entry.newValue;
        }
        QVERIFY(values.contains(QStringLiteral("Gold: optional → Gold: active")));
        QVERIFY(values.contains(QStringLiteral("Gold: active → Gold: optional")));
    }

    void typedTagsAreActiveAndUndoRemovesThem()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CustomerTagStore store(test->db());
        QVERIFY(store.derive(fixture.a, derived(fixture)).ok());

        auto added = store.addTyped(fixture.a, QStringLiteral("  Art   Deco "));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().fullText()));
        QCOMPARE(added->name, QStringLiteral("Art Deco"));
        QVERIFY(added->before == std::nullopt);
        QVERIFY(added->after == TagState::Active);
        QVERIFY(stateOf(store, fixture.a, added->tagId) == TagState::Active);
        // The same name in other case finds the same tag.
        auto again = store.tagIdByName(QStringLiteral("art deco"));
        QCOMPARE(again->value_or(0), added->tagId);

        // Undo of a new tag takes the row away again.
        QVERIFY(store.change(fixture.a, added->tagId, TagState::Active, std::nullopt).ok());
        QVERIFY(stateOf(store, fixture.a, added->tagId) == std::nullopt);

        // Typing a suggested tag makes it active; typing a starred one leaves it starred.
        auto gold = store.addTyped(fixture.a, QStringLiteral("gold"));
        QVERIFY(gold.ok());
        QCOMPARE(gold->tagId, fixture.gold);
        QVERIFY(gold->before == TagState::Optional);
        QVERIFY(gold->after == TagState::Active);
        QVERIFY(store.setState(fixture.a, fixture.gold, TagState::Active, TagState::Starred).ok());
        auto starred = store.addTyped(fixture.a, QStringLiteral("Gold"));
        QVERIFY(starred.ok());
        QVERIFY(starred->before == starred->after);
        QVERIFY(stateOf(store, fixture.a, fixture.gold) == TagState::Starred);

        // Nothing typed, too long, or a customer who is gone: a clear message, nothing saved.
        auto blank = store.addTyped(fixture.a, QStringLiteral("   "));
        QVERIFY(!blank.ok());
        QCOMPARE(blank.error().kind, Models::ErrorKind::Invalid);
        auto tooLong = store.addTyped(fixture.a, QString(CustomerTagStore::kMaxNameLength + 1, u'x'));
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.error().message.contains(QString::number(CustomerTagStore::kMaxNameLength)));
        auto gone = store.addTyped(987654, QStringLiteral("Silver"));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, Models::ErrorKind::NotFound);
    }

    void theListFilterByTag()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CustomerTagStore store(test->db());
        QVERIFY(store.setState(fixture.a, fixture.gold, std::nullopt, TagState::Active).ok());
        QVERIFY(store.setState(fixture.b, fixture.gold, std::nullopt, TagState::Removed).ok());
        QVERIFY(store.setState(fixture.empty, fixture.gold, std::nullopt, TagState::Optional).ok());

        QVERIFY(Models::CustomerFilter::isFilterText(QStringLiteral("tag:Gold")));
        auto filter = Models::CustomerFilter::fromPlaceText(test->db(), QStringLiteral("tag:GOLD"));
        QVERIFY2(filter.ok(), qPrintable(filter.ok() ? QString() : filter.error().fullText()));
        QCOMPARE(filter->tagId, fixture.gold);
        QCOMPARE(filter->description, QStringLiteral("Tag “Gold”")); // as the house wrote it
        QVERIFY(!filter->isEmpty());
        QVariantList values;
        const QString condition = filter->sqlCondition(&values);
        auto query = Models::Sql::exec(test->db().connection(),
                                       QStringLiteral("SELECT id FROM customers WHERE ") + condition +
                                           QStringLiteral(" ORDER BY id"),
                                       values, {});
        QVERIFY(query.ok());
        QList<qint64> ids;
        while (query->next()) {
            ids << query->value(0).toLongLong();
        }
        // A removed tag is not the customer's.
        QCOMPARE(ids, (QList<qint64>{fixture.a, fixture.empty}));

        auto unknown = Models::CustomerFilter::fromPlaceText(test->db(), QStringLiteral("tag:Nothing"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, Models::ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCustomerTagStore)
#include "tst_customertagstore.moc"
