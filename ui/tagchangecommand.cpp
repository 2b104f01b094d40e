#include "tagchangecommand.h"

#include <QCoreApplication>

namespace Gavel::Ui {

using Models::TagState;

TagChangeCommand::TagChangeCommand(const Models::TagChange &change, Apply apply)
    : m_change(change), m_apply(std::move(apply))
{
    setText(describe(change));
}

QString TagChangeCommand::describe(const Models::TagChange &change)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("TagChangeCommand", text); };
    if (!change.before && change.after == TagState::Active) {
        return tr("add the tag “%1”").arg(change.name);
    }
    switch (change.after.value_or(TagState::Removed)) {
    case TagState::Removed:
        return tr("remove the tag “%1”").arg(change.name);
    case TagState::Starred:
        return tr("star the tag “%1”").arg(change.name);
    case TagState::Active:
        return change.before == TagState::Starred ? tr("unstar the tag “%1”").arg(change.name)
                                                  : tr("make the tag “%1” active").arg(change.name);
    case TagState::Optional:
        return tr("suggest the tag “%1”").arg(change.name);
    }
    return {};
}

void TagChangeCommand::undo()
{
    m_apply(m_change, m_change.after, m_change.before);
}

void TagChangeCommand::redo()
{
    if (m_first) {
        m_first = false; // already saved when it was pushed
        return;
    }
    m_apply(m_change, m_change.before, m_change.after);
}

} // namespace Gavel::Ui
