#include "navigationhistory.h"

namespace Gavel::Ui {

void NavigationHistory::visit(const Place &place)
{
    if (m_current >= 0 && m_places.at(m_current) == place) {
        return;
    }
    m_places.resize(m_current + 1);
    m_places.append(place);
    m_current = m_places.size() - 1;
    // A long day of lookups should not grow without bound.
    constexpr qsizetype limit = 500;
    if (m_places.size() > limit) {
        m_places.remove(0, m_places.size() - limit);
        m_current = m_places.size() - 1;
    }
}

Place NavigationHistory::back()
{
    if (canGoBack()) {
        --m_current;
    }
    return current();
}

Place NavigationHistory::forward()
{
    if (canGoForward()) {
        ++m_current;
    }
    return current();
}

void NavigationHistory::forget(const Place &place)
{
    for (qsizetype i = m_places.size() - 1; i >= 0; --i) {
        if (m_places.at(i) == place) {
            m_places.removeAt(i);
            if (i <= m_current) {
                --m_current;
            }
        }
    }
    // Two neighbours may now be the same place; keep one.
    for (qsizetype i = m_places.size() - 1; i > 0; --i) {
        if (m_places.at(i) == m_places.at(i - 1)) {
            m_places.removeAt(i);
            if (i <= m_current) {
                --m_current;
            }
        }
    }
    if (m_places.isEmpty()) {
        m_current = -1;
    } else if (m_current < 0) {
        m_current = 0;
    }
}

} // namespace Gavel::Ui
