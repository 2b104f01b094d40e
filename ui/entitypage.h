#pragma once

#include "loader.h"
#include "placepage.h"
#include "result.h"

#include <functional>

class QFormLayout;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Gavel::Ui {

class Navigator;

/// What the pages of a mailing, lot, sale or invoice share: a heading, loading off the GUI
/// thread through the Loader, a message when the thing is gone, facts as label/value rows that
/// hide when empty, links that open other places (as seen from the same customer), and tables
/// whose rows open a place with Enter or a double-click.
class EntityPage : public PlacePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPage)

public:
    EntityPage(Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    /// Starts loading the place; the page says "Loading…" until it arrives.
    void showPlace(const Place &place) final;
    QString title() const override { return m_title; }
    /// The place on screen (or being loaded).
    const Place &place() const { return m_place; }
    /// The page's content arrived and is shown.
    bool isLoaded() const { return m_loaded; }

    /// An HTML link to a place, for labels: `text` is escaped.
    static QString linkTo(Place::Kind kind, qint64 id, const QString &text);
    /// Opens a link made by linkTo(), keeping the customer the page was opened from.
    void openLink(const QString &href);

protected:
    /// Starts the load of `place`: run it with loader() and generation(), then call showContent()
    /// or showError().
    virtual void load(const Place &place) = 0;

    Models::Loader &loader() { return m_loader; }
    Models::LoadGeneration &generation() { return m_generation; }
    Navigator &navigator() { return m_navigator; }
    /// Where the subclass puts its content; hidden while loading and after an error.
    QWidget *body() const { return m_body; }

    /// Runs `work` off the GUI thread (loader(), generation()); shows its error, or passes its
    /// result to `show`, which should end with showContent().
    template<typename T>
    void fetch(std::function<Models::Result<T>(Models::Database &)> work, std::function<void(const T &)> show)
    {
        m_loader.run<T>(m_generation, this, std::move(work), [this, show](const Models::Result<T> &result) {
            if (!result) {
                showError(result.error());
                return;
            }
            show(*result);
        });
    }

    /// The body's two columns: facts stacked on the left (two parts of the width), a table on
    /// the right (three parts).
    void setColumns(const QList<QWidget *> &left, QWidget *right);

    void setHeading(const QString &title, const QString &subtitle = {});
    void showContent();
    void showError(const Models::Error &error);

    /// A form of facts; addFact() adds a row whose value is a label named `objectName`.
    static QFormLayout *makeForm(QWidget *parent);
    QLabel *addFact(QFormLayout *form, const QString &label, const QString &objectName);
    /// Sets a fact's text (rich text when it holds a link); an empty text hides the row.
    static void setFact(QLabel *value, const QString &text);
    /// A read-only table; a row whose first cell holds a Place (Qt::UserRole) opens it.
    /// `stretchColumn` (if any) takes the width the others leave, eliding long text, so that the
    /// columns after it stay in view.
    QTreeWidget *makeTable(const QStringList &headers, const QString &objectName, int stretchColumn = -1);
    /// Sizes a table's columns to their contents, except the stretched one.
    static void fitColumns(QTreeWidget *table);
    /// A table row; `place` (if any) is opened by Enter or a double-click.
    static QTreeWidgetItem *addRow(QTreeWidget *table, const QStringList &cells, const Place &place = {},
                                   const QList<int> &rightAligned = {});

private:
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    Place m_place;
    QString m_title;
    bool m_loaded = false;
    QLabel *m_heading = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_body = nullptr;
};

} // namespace Gavel::Ui
