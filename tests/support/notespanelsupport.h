#pragma once

#include "customer.h"
#include "notespanel.h"

#include <QApplication>
#include <QTest>

#include <memory>

namespace Gavel::Tests {

/// A Notes panel in a window of its own, shown and active (shortcuts need an active window),
/// keeping drafts in `drafts`.
inline std::unique_ptr<Ui::NotesPanel> openNotesPanel(Models::Database &db, Models::Loader &loader,
                                                      const QString &drafts)
{
    auto panel = std::make_unique<Ui::NotesPanel>(db, loader, drafts);
    panel->resize(1200, 700);
    panel->show();
    QApplication::setActiveWindow(panel.get());
    if (!QTest::qWaitForWindowActive(panel.get())) {
        qWarning("the Notes panel's window did not become active");
    }
    return panel;
}

/// The same, showing `customer`'s notes once they have loaded; null if they do not.
inline std::unique_ptr<Ui::NotesPanel> openNotesPanel(Models::Database &db, Models::Loader &loader,
                                                      const QString &drafts, const Models::Customer &customer)
{
    auto panel = openNotesPanel(db, loader, drafts);
    panel->showCustomer(customer);
    if (!QTest::qWaitFor([&panel] { return panel->isLoaded(); })) {
        return nullptr;
    }
    return panel;
}

} // namespace Gavel::Tests
