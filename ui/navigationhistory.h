#pragma once

#include "place.h"

#include <QList>

namespace Gavel::Ui {

/// Back and forward through the places a user has been, like a browser's history.
class NavigationHistory final
{
public:
    /// Goes to a new place: it becomes current and the forward history is dropped.
    /// Visiting the current place again changes nothing.
    void visit(const Place &place);
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < m_places.size(); }
    Place back();
    Place forward();
    Place current() const { return m_current >= 0 ? m_places.at(m_current) : Place::customerList(); }
    /// Forgets a place (a customer deleted or merged away).
    void forget(const Place &place);

private:
    QList<Place> m_places;
    qsizetype m_current = -1;
};

} // namespace Gavel::Ui
