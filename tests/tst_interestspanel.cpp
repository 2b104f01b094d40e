#include "auditstore.h"
#include "charts/bubblechart.h"
#include "charts/categoryspendchart.h"
#include "chiplistwidget.h"
#include "customertagstore.h"
#include "departmentinterestwidget.h"
#include "interestfixture.h"
#include "interestmodel.h"
#include "interestsettingspage.h"
#include "interestspanel.h"
#include "loader.h"
#include "navigator.h"
#include "tageditorwidget.h"
#include "testdatabase.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QSet>
#include <QTest>
#include <QUndoStack>

using namespace Gavel;
using Models::TagState;
using Tests::InterestFixture;
using Action = Ui::TagEditorWidget::Action;

// The Interests panel as a person uses it, on the house of tests/support/interestfixture.cpp.
class TestInterestsPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    InterestFixture m_fixture;

    struct Harness
    {
        explicit Harness(Models::Database &db) : loader(db), panel(db, loader, navigator)
        {
            panel.resize(1280, 900);
            panel.setAsOf(InterestFixture::asOf());
            panel.show();
        }
        Models::Loader loader;
        Ui::Navigator navigator;
        Ui::InterestsPanel panel;
    };

    static bool show(Harness &h, qint64 customerId)
    {
        Models::Customer customer;
        customer.id = customerId;
        QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
        h.panel.showCustomer(customer);
        return loaded.wait(10000) && h.panel.isLoaded();
    }

    /// Clicks a tag's button and waits until the change is saved and the tags shown again.
    static bool clickTag(Harness &h, const QString &name, Action action)
    {
        QAbstractButton *button = h.panel.tagEditor()->button(name, action);
        if (!button) {
            qWarning("no button for %s", qPrintable(name));
            return false;
        }
        QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
        QTest::mouseClick(button, Qt::LeftButton);
        return loaded.wait(10000);
    }

    std::optional<TagState> stateOf(qint64 tagId)
    {
        auto found = Models::CustomerTagStore(m_test->db()).find(m_fixture.a, tagId);
        return found && *found ? std::optional<TagState>((*found)->state) : std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void init()
    {
        QString why;
        m_test = Tests::TestDatabase::create(&why);
        if (!m_test) {
            if (Tests::testEngine() == Models::Engine::Postgres && !Tests::TestDatabase::postgresRequired()) {
                QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
            }
            QFAIL(qPrintable(why));
        }
        m_fixture = {};
        QString error = m_fixture.build(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    void bubblesAndTabs()
    {
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        Ui::BubbleChart *chart = h.panel.bubbleChart();
        // A bubble per category with a score: Paintings, Other (OM), Rings, Drawings, biggest first.
        QCOMPARE(chart->placed().size(), 4);
        QCOMPARE(chart->bubbles()[chart->placed().first().index].title, QStringLiteral("Paintings"));
        QVERIFY(chart->bubbles()[chart->placed().first().index].toolTip.contains(QStringLiteral("Old Masters")));
        QVERIFY(chart->bubbles()[chart->placed().first().index].toolTip.contains(QStringLiteral("Won 1")));

        QTabWidget *tabs = h.panel.departmentTabs();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Old Masters"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Jewellery"));
        auto *om = qobject_cast<Ui::DepartmentInterestWidget *>(tabs->widget(0));
        QCOMPARE(om->table()->rowCount(), 3);
        QCOMPARE(om->table()->item(0, 0)->text(), QStringLiteral("Paintings"));
        QCOMPARE(om->table()->item(0, 4)->text(), QStringLiteral("1"));
        QCOMPARE(om->table()->item(0, 5)->text(), QStringLiteral("£1,250"));
        QVERIFY(om->chart()->hasChart());
        QCOMPARE(om->chart()->categories(), QStringList{QStringLiteral("Paintings")});
        QStringList keywords;
        for (QAbstractButton *chip : om->keywords()->chipButtons()) {
            keywords << chip->text();
        }
        QCOMPARE(keywords, (QStringList{QStringLiteral("Oil"), QStringLiteral("Portrait")}));
    }

    void interestInCategories()
    {
        const QString error = m_fixture.addRecent(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        // 30 days by default.
        QTableWidget *recent = h.panel.recentTable();
        QVERIFY(h.panel.recentBox()->title().contains(QStringLiteral("30 days")));
        QCOMPARE(recent->rowCount(), 3);
        QCOMPARE(recent->item(0, 0)->text(), QStringLiteral("Rings (Jewellery)"));
        QVERIFY(recent->item(0, 3)->text().startsWith(QStringLiteral("✓ Satisfied")));
        QCOMPARE(recent->item(1, 3)->text(), QStringLiteral("Open"));
    }

    void clickingABubbleSelectsItsDepartment()
    {
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        Ui::BubbleChart *chart = h.panel.bubbleChart();
        QTabWidget *tabs = h.panel.departmentTabs();
        QCOMPARE(tabs->currentIndex(), 0);
        int rings = -1;
        for (int i = 0; i < chart->placed().size(); ++i) {
            if (chart->bubbles()[chart->placed()[i].index].title == u"Rings") {
                rings = i;
            }
        }
        QVERIFY(rings >= 0);
        QTest::mouseClick(chart, Qt::LeftButton, {}, chart->placed()[rings].center.toPoint());
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Jewellery"));

        QCOMPARE(chart->currentIndex(), rings); // the clicked bubble is the keyboard's too

        // By keyboard: Home goes to the largest bubble; Enter opens its department.
        chart->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(chart->hasFocus());
        QTest::keyClick(chart, Qt::Key_Home);
        QCOMPARE(chart->currentIndex(), 0);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Old Masters"));
        // Move to Rings with the arrows and press Space.
        chart->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(chart->hasFocus());
        for (int i = 0; i < rings; ++i) {
            QTest::keyClick(chart, Qt::Key_Right);
        }
        QCOMPARE(chart->currentIndex(), rings);
        QTest::keyClick(chart, Qt::Key_Space);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Jewellery"));
    }

    void tagStatesSavedAndUndone()
    {
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        Ui::TagEditorWidget *tags = h.panel.tagEditor();
        // Derived on load: three suggested tags, heaviest first.
        QCOMPARE(tags->tags().size(), 3);
        QVERIFY(stateOf(m_fixture.gold) == TagState::Optional);
        QVERIFY(tags->button(QStringLiteral("Gold"), Action::Activate));
        QVERIFY(!tags->button(QStringLiteral("Gold"), Action::Star)); // only active tags are starred

        // + makes Gold active; saved at once.
        QVERIFY(clickTag(h, QStringLiteral("Gold"), Action::Activate));
        QVERIFY(stateOf(m_fixture.gold) == TagState::Active);
        QVERIFY(tags->button(QStringLiteral("Gold"), Action::Star));
        QVERIFY(!tags->button(QStringLiteral("Gold"), Action::Activate));
        // ☆ stars it.
        QVERIFY(clickTag(h, QStringLiteral("Gold"), Action::Star));
        QVERIFY(stateOf(m_fixture.gold) == TagState::Starred);
        // × removes Portrait; it is listed apart, and loading again (which derives the tags
        // again) keeps it removed.
        QVERIFY(clickTag(h, QStringLiteral("Portrait"), Action::Remove));
        QVERIFY(stateOf(m_fixture.portrait) == TagState::Removed);
        QVERIFY(tags->button(QStringLiteral("Portrait"), Action::Restore));
        {
            QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
            h.panel.reload();
            QVERIFY(loaded.wait(10000));
        }
        QVERIFY(stateOf(m_fixture.portrait) == TagState::Removed);
        QCOMPARE(h.panel.undoStack()->count(), 3);

        // Ctrl+Z undoes the removal, then the star, from wherever the keyboard is in the panel.
        QApplication::setActiveWindow(&h.panel);
        QVERIFY(QTest::qWaitForWindowActive(&h.panel));
        h.panel.bubbleChart()->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(h.panel.bubbleChart()->hasFocus());
        {
            QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
            QTest::keyClick(h.panel.bubbleChart(), Qt::Key_Z, Qt::ControlModifier);
            QVERIFY(loaded.wait(10000));
        }
        QVERIFY(stateOf(m_fixture.portrait) == TagState::Optional);
        {
            QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
            QTest::keyClick(h.panel.bubbleChart(), Qt::Key_Z, Qt::ControlModifier);
            QVERIFY(loaded.wait(10000));
        }
        QVERIFY(stateOf(m_fixture.gold) == TagState::Active);
        // Redo puts the star back.
        {
            QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
            h.panel.undoStack()->redo();
            QVERIFY(loaded.wait(10000));
        }
        QVERIFY(stateOf(m_fixture.gold) == TagState::Starred);

        // Everything staff did is in the audit log: 3 changes, 2 undos, 1 redo.
        auto audit = Models::AuditStore(m_test->db().connection()).forCustomer(m_fixture.a);
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), 6);
    }

    void typingATagAddsItActive()
    {
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        Ui::TagEditorWidget *tags = h.panel.tagEditor();
        tags->editor()->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(tags->editor(), QStringLiteral("Art Deco"));
        QSignalSpy loaded(&h.panel, &Ui::InterestsPanel::loaded);
        QTest::keyClick(tags->editor(), Qt::Key_Return);
        QVERIFY(loaded.wait(10000));
        QVERIFY(tags->editor()->text().isEmpty());
        auto id = Models::CustomerTagStore(m_test->db()).tagIdByName(QStringLiteral("art deco"));
        QVERIFY(id.ok() && id->has_value());
        QVERIFY(stateOf(**id) == TagState::Active);
        QVERIFY(tags->button(QStringLiteral("Art Deco"), Action::Star));

        // Undo takes the new tag off the customer again.
        QSignalSpy again(&h.panel, &Ui::InterestsPanel::loaded);
        h.panel.undoStack()->undo();
        QVERIFY(again.wait(10000));
        QVERIFY(stateOf(**id) == std::nullopt);
        QVERIFY(!tags->button(QStringLiteral("Art Deco"), Action::Open));

        // A name too long is refused with a message; what was typed stays.
        const QString tooLong(Models::CustomerTagStore::kMaxNameLength, u'x');
        tags->editor()->setMaxLength(200);
        tags->editor()->setText(tooLong + QStringLiteral("yz"));
        QSignalSpy finished(&h.panel, &Ui::InterestsPanel::tagChangeFinished);
        QTest::mouseClick(tags->addButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(tags->editor()->text(), tooLong + QStringLiteral("yz"));
        QVERIFY(tags->findChild<QLabel *>(QStringLiteral("tagError"))->isVisible());
    }

    void aTagOpensTheFilteredList()
    {
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        QSignalSpy opened(&h.navigator, &Ui::Navigator::openRequested);
        QAbstractButton *oil = h.panel.tagEditor()->button(QStringLiteral("Oil"), Action::Open);
        QVERIFY(oil);
        QTest::mouseClick(oil, Qt::LeftButton);
        QCOMPARE(opened.size(), 1);
        QVERIFY(opened.first().first().value<Ui::Place>() == Ui::Place::customerList(QStringLiteral("tag:Oil")));
        // And a keyword of a department tab.
        auto *om = qobject_cast<Ui::DepartmentInterestWidget *>(h.panel.departmentTabs()->widget(0));
        QTest::mouseClick(om->keywords()->chipButtons().at(1), Qt::LeftButton);
        QCOMPARE(opened.size(), 2);
        QVERIFY(opened.last().first().value<Ui::Place>() ==
                Ui::Place::customerList(QStringLiteral("tag:Portrait")));
    }

    void theEmptyCustomerSaysSo()
    {
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.empty));
        QVERIFY(h.panel.bubbleChart()->placed().isEmpty());
        QCOMPARE(h.panel.departmentTabs()->count(), 0);
        QCOMPARE(h.panel.recentTable()->rowCount(), 0);
        QVERIFY(h.panel.findChild<QLabel *>(QStringLiteral("recentInterestEmpty"))->isVisible());
        QVERIFY(h.panel.findChild<QLabel *>(QStringLiteral("tagsEmpty"))->isVisible());
        // Switching from A to the empty customer leaves nothing of A (nor A's undo).
        QVERIFY(show(h, m_fixture.a));
        QVERIFY(clickTag(h, QStringLiteral("Gold"), Action::Activate));
        QVERIFY(show(h, m_fixture.empty));
        QCOMPARE(h.panel.undoStack()->count(), 0);
        QVERIFY(h.panel.tagEditor()->tags().isEmpty());
    }

    void theSettingChangesTheWindow()
    {
        const QString error = m_fixture.addRecent(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Ui::InterestSettingsPage page(m_test->db());
        QCOMPARE(page.daysBox()->value(), 30);
        page.daysBox()->setValue(4);
        QVERIFY(page.save().ok());
        QCOMPARE(*Models::InterestModel::recentDays(m_test->db()), 4);
        Harness h(m_test->db());
        QVERIFY(show(h, m_fixture.a));
        QVERIFY(h.panel.recentBox()->title().contains(QStringLiteral("4 days")));
        QCOMPARE(h.panel.recentTable()->rowCount(), 1);
        QCOMPARE(h.panel.recentTable()->item(0, 0)->text(), QStringLiteral("Drawings (Old Masters)"));
    }
};

QTEST_MAIN(TestInterestsPanel)
#include "tst_interestspanel.moc"
