#pragma once

#include "customertag.h"

#include <QUndoCommand>

#include <functional>

namespace Gavel::Ui {

/// A tag change staff made, on the panel's undo stack. It is pushed once the change is
/// saved, so its first redo() does nothing; undo() and redo() then ask `apply` to change the
/// tag from one state to the other, which checks that nobody changed it meanwhile.
class TagChangeCommand final : public QUndoCommand
{
public:
    using Apply = std::function<void(const Models::TagChange &change, std::optional<Models::TagState> from,
                                     std::optional<Models::TagState> to)>;

    TagChangeCommand(const Models::TagChange &change, Apply apply);

    void undo() override;
    void redo() override;

    const Models::TagChange &change() const { return m_change; }
    /// What the Undo action says: "Undo make “Bronze” active".
    static QString describe(const Models::TagChange &change);

private:
    Models::TagChange m_change;
    Apply m_apply;
    bool m_first = true;
};

} // namespace Gavel::Ui
