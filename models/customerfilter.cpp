#include "customerfilter.h"

#include "customertagstore.h"
#include "database.h"
#include "labelstore.h"
#include "segmentstore.h"
#include "sql.h"

namespace Gavel::Models {

namespace {

const QString kLabelPrefix = QStringLiteral("label:");
const QString kSegmentPrefix = QStringLiteral("segment:");
const QString kTagPrefix = QStringLiteral("tag:");

} // namespace

QString CustomerFilter::sqlCondition(QVariantList *values) const
{
    // IN (…) on the indexed link tables: the planner can drive from the members when they
    // are few, or probe them per row of the sort index when they are many.
    QStringList conditions;
    if (labelId != 0) {
        conditions << QStringLiteral("id IN (SELECT customer_id FROM customer_labels WHERE label_id = ?)");
        *values << labelId;
    }
    if (segmentId != 0) {
        conditions << QStringLiteral("id IN (SELECT customer_id FROM segment_members WHERE segment_id = ?)");
        *values << segmentId;
    }
    if (tagId != 0) {
        conditions << QStringLiteral("id IN (SELECT customer_id FROM customer_tags WHERE tag_id = ?"
                                     " AND state <> 'removed')");
        *values << tagId;
    }
    return conditions.join(QStringLiteral(" AND "));
}

bool CustomerFilter::isFilterText(const QString &text)
{
    return text.startsWith(kLabelPrefix) || text.startsWith(kSegmentPrefix) || text.startsWith(kTagPrefix);
}

Result<CustomerFilter> CustomerFilter::fromPlaceText(const Database &database, const QString &text)
{
    CustomerFilter filter;
    if (text.startsWith(kLabelPrefix)) {
        const QString name = text.mid(kLabelPrefix.size());
        auto label = LabelStore(database).byName(name);
        if (!label) {
            return label.error();
        }
        if (!*label) {
            return Error::make(ErrorKind::NotFound, tr("There is no label “%1” (any more).").arg(name));
        }
        filter.labelId = (*label)->id;
        filter.description = tr("Label “%1”").arg((*label)->name);
        return filter;
    }
    if (text.startsWith(kSegmentPrefix)) {
        const QString code = text.mid(kSegmentPrefix.size());
        auto segment = SegmentStore(database).byCode(code);
        if (!segment) {
            return segment.error();
        }
        if (!*segment) {
            return Error::make(ErrorKind::NotFound, tr("There is no segment “%1” (any more).").arg(code));
        }
        filter.segmentId = (*segment)->id;
        filter.description = tr("Segment “%1”").arg((*segment)->name);
        return filter;
    }
    if (text.startsWith(kTagPrefix)) {
        const QString name = text.mid(kTagPrefix.size());
        auto tag = CustomerTagStore(database).tagIdByName(name);
        if (!tag) {
            return tag.error();
        }
        if (!*tag) {
            return Error::make(ErrorKind::NotFound, tr("There is no tag “%1” (any more).").arg(name));
        }
        filter.tagId = **tag;
        // As the house wrote it, whatever the case of the link that led here.
        auto stored = Sql::scalar(database.connection(), QStringLiteral("SELECT name FROM tags WHERE id = ?"),
                                  {filter.tagId}, tr("reading the tag “%1”").arg(name));
        filter.description = tr("Tag “%1”").arg(stored ? stored->toString() : name.simplified());
        return filter;
    }
    return Error::make(ErrorKind::Invalid, tr("“%1” is not a customer filter.").arg(text));
}

} // namespace Gavel::Models
