#include "activityicons.h"

#include <QHash>

namespace Gavel::Ui {

QIcon ActivityIcons::forCategory(int category)
{
    // Cached: the delegate asks for an icon on every painted row.
    static QHash<int, QIcon> cache;
    const auto found = cache.constFind(category);
    if (found != cache.constEnd()) {
        return *found;
    }
    QString name = QStringLiteral("other");
    for (const Models::EventCategory known : Models::allEventCategories()) {
        if (static_cast<int>(known) == category) {
            name = Models::eventCategoryKey(known);
        }
    }
    const QIcon icon(QStringLiteral(":/icons/activity-%1.svg").arg(name));
    cache.insert(category, icon);
    return icon;
}

} // namespace Gavel::Ui
