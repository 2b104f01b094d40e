#include "noteeditor.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>

using Gavel::Ui::NoteEditor;

/// The note editor's formatting keys, driven as a person would: select, press, type.
class TestNoteEditor : public QObject
{
    Q_OBJECT

private:
    static void select(QPlainTextEdit *edit, int start, int end)
    {
        QTextCursor cursor = edit->textCursor();
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        edit->setTextCursor(cursor);
    }

private Q_SLOTS:
    void formattingKeys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");

        QTest::newRow("bold selection") << QStringLiteral("the Turner study") << 4 << 10 << int(Qt::Key_B) << QString()
                                        << QStringLiteral("the **Turner** study");
        QTest::newRow("bold then type") << QStringLiteral("see ") << 4 << 4 << int(Qt::Key_B)
                                        << QStringLiteral("lot 12") << QStringLiteral("see **lot 12**");
        QTest::newRow("italic selection") << QStringLiteral("a fine frame") << 2 << 6 << int(Qt::Key_I) << QString()
                                          << QStringLiteral("a *fine* frame");
        QTest::newRow("link, address typed") << QStringLiteral("see the catalogue") << 8 << 17 << int(Qt::Key_K)
                                             << QStringLiteral("https://example.com/sale/7")
                                             << QStringLiteral("see the [catalogue](https://example.com/sale/7)");
        QTest::newRow("link without selection")
            << QString() << 0 << 0 << int(Qt::Key_K) << QString() << QStringLiteral("[link text](https://)");
    }

    void formattingKeys()
    {
        QFETCH(QString, text);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(int, key);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        NoteEditor editor;
        editor.show();
        QApplication::setActiveWindow(&editor);
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        editor.setText(text);
        editor.focusText();
        select(editor.textEdit(), start, end);
        QTest::keyClick(editor.textEdit(), Qt::Key(key), Qt::ControlModifier);
        QTest::keyClicks(editor.textEdit(), typed);
        QCOMPARE(editor.text(), expected);
    }

    void listsFromButtons()
    {
        NoteEditor editor;
        editor.show();
        editor.setText(QStringLiteral("condition report\ncall back Tuesday\nsend the catalogue"));
        select(editor.textEdit(), 3, 20); // the first two lines
        auto buttons = editor.findChildren<QToolButton *>();
        QToolButton *numbered = nullptr;
        QToolButton *bulleted = nullptr;
        for (QToolButton *button : buttons) {
            if (button->text() == QStringLiteral("1. List")) {
                numbered = button;
            } else if (button->text() == QStringLiteral("• List")) {
                bulleted = button;
            }
        }
        QVERIFY(numbered && bulleted);
        QTest::mouseClick(numbered, Qt::LeftButton);
        QCOMPARE(editor.text(), QStringLiteral("1. condition report\n2. call back Tuesday\nsend the catalogue"));
        select(editor.textEdit(), int(editor.text().size()) - 3, int(editor.text().size()) - 3);
        QTest::mouseClick(bulleted, Qt::LeftButton);
        QCOMPARE(editor.text(), QStringLiteral("1. condition report\n2. call back Tuesday\n- send the catalogue"));
        // The preview shows real lists, not the markers.
        QTextDocument *preview = editor.preview()->document();
        QVERIFY(!preview->toPlainText().contains(QStringLiteral("1.")));
        QCOMPARE(preview->blockCount(), 3);
        QVERIFY(preview->firstBlock().textList() != nullptr);
        QVERIFY(preview->lastBlock().textList() != nullptr);
    }

    void onlyTheUserChangesAreEdits()
    {
        NoteEditor editor;
        editor.show();
        QSignalSpy edited(&editor, &NoteEditor::textEdited);
        editor.setText(QStringLiteral("As stored."));
        QCOMPARE(edited.count(), 0); // loading a note is not a change to keep as a draft
        editor.focusText();
        QTest::keyClicks(editor.textEdit(), QStringLiteral("!!"));
        QCOMPARE(edited.count(), 2);
        QCOMPARE(editor.text(), QStringLiteral("As stored.!!"));
        QCOMPARE(editor.preview()->toPlainText(), QStringLiteral("As stored.!!"));
    }

    void saveAndCancelKeys()
    {
        NoteEditor editor;
        editor.show();
        QApplication::setActiveWindow(&editor);
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QSignalSpy save(&editor, &NoteEditor::saveRequested);
        QSignalSpy cancel(&editor, &NoteEditor::cancelRequested);
        editor.focusText();
        QTest::keyClick(editor.textEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(save.count(), 1);
        QTest::keyClick(editor.textEdit(), Qt::Key_Return);
        QCOMPARE(save.count(), 1); // a plain Return is a new line
        QCOMPARE(editor.text(), QStringLiteral("\n"));
        QTest::keyClick(editor.textEdit(), Qt::Key_Escape);
        QCOMPARE(cancel.count(), 1);
    }
};

QTEST_MAIN(TestNoteEditor)
#include "tst_noteeditor.moc"
