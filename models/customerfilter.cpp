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
const QString kDepartmentPrefix = QStringLiteral("department:");
const QString kVipPrefix = QStringLiteral("vip:");
const QString kSubscribedPrefix = QStringLiteral("subscribed:");
const QString kContactablePrefix = QStringLiteral("contactable:");
const QString kTagPrefix = QStringLiteral("tag:");
const QString kSeparator = QStringLiteral("; ");

QString channelName(const QString &channel)
{
    if (channel == u"email") {
        return CustomerFilter::tr("e-mail");
    }
    if (channel == u"sms") {
        return CustomerFilter::tr("SMS");
    }
    if (channel == u"push") {
        return CustomerFilter::tr("push notifications");
    }
    return CustomerFilter::tr("post");
}

} // namespace

const QStringList &CustomerFilter::channels()
{
    static const QStringList list = {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"),
                                     QStringLiteral("post")};
    return list;
}

QString CustomerFilter::sqlCondition(QVariantList *values, const std::function<LinkForm(Clause)> &form) const
{
    QStringList conditions;
    // A link table (`from`, its rows called `alias`) holding the customers in customer_id,
    // those of this clause picked by `where`.
    const auto linked = [&](Clause clause, const QString &from, const QString &alias, const QString &where) {
        if (form && form(clause) == LinkForm::Probe) {
            conditions << QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE %2 AND %3.customer_id = customers.id)")
                              .arg(from, where, alias);
        } else {
            conditions << QStringLiteral("id IN (SELECT %1.customer_id FROM %2 WHERE %3)").arg(alias, from, where);
        }
    };
    if (labelId != 0) {
        linked(Clause::Label, QStringLiteral("customer_labels"), QStringLiteral("customer_labels"), QStringLiteral("label_id = ?"));
        *values << labelId;
    }
    if (segmentId != 0) {
        linked(Clause::Segment, QStringLiteral("segment_members"), QStringLiteral("segment_members"),
               QStringLiteral("segment_id = ?"));
        *values << segmentId;
    }
    if (tagId != 0) {
        linked(Clause::Tag, QStringLiteral("customer_tags"), QStringLiteral("customer_tags"),
               QStringLiteral("tag_id = ? AND state <> 'removed'"));
        *values << tagId;
    }
    if (departmentId != 0) {
        linked(Clause::Department, QStringLiteral("customer_departments"), QStringLiteral("customer_departments"),
               QStringLiteral("department_id = ?"));
        *values << departmentId;
    }
    if (vip != Vip::Any) {
        conditions << QStringLiteral("vip = ?");
        *values << (vip == Vip::Only ? 1 : 0);
    }
    if (!subscribedChannel.isEmpty()) {
        // Only categories still offered count (a retired newsletter subscribes nobody).
        linked(Clause::Subscribed, QStringLiteral("subscriptions s JOIN subscription_categories c ON c.id = s.category_id"),
               QStringLiteral("s"), QStringLiteral("s.channel = ? AND s.status = 'subscribed' AND c.active = 1"));
        *values << subscribedChannel;
    }
    if (contactable != Contactable::Any) {
        // The columns CustomerStore keeps current from the contact checks.
        conditions << (contactable == Contactable::ByEmail ? QStringLiteral("email_eligible = 1")
                                                           : QStringLiteral("sms_eligible = 1"));
    }
    return conditions.join(QStringLiteral(" AND "));
}

QList<CustomerFilter::SizeBound> CustomerFilter::sizeBounds() const
{
    QList<SizeBound> bounds;
    if (labelId != 0) {
        bounds.append({Clause::Label, QStringLiteral("SELECT count(*) FROM customer_labels WHERE label_id = ?"), {labelId}});
    }
    if (segmentId != 0) {
        bounds.append(
            {Clause::Segment, QStringLiteral("SELECT count(*) FROM segment_members WHERE segment_id = ?"), {segmentId}});
    }
    if (tagId != 0) {
        bounds.append({Clause::Tag,
                       QStringLiteral("SELECT count(*) FROM customer_tags WHERE tag_id = ? AND state <> 'removed'"),
                       {tagId}});
    }
    if (departmentId != 0) {
        bounds.append({Clause::Department,
                       QStringLiteral("SELECT count(*) FROM customer_departments WHERE department_id = ?"),
                       {departmentId}});
    }
    if (vip != Vip::Any) {
        bounds.append({Clause::Vip, QStringLiteral("SELECT count(*) FROM customers WHERE vip = ?"), {vip == Vip::Only ? 1 : 0}});
    }
    if (!subscribedChannel.isEmpty()) {
        bounds.append({Clause::Subscribed,
                       QStringLiteral("SELECT count(*) FROM subscriptions WHERE channel = ? AND status = 'subscribed'"),
                       {subscribedChannel}});
    }
    return bounds;
}

bool CustomerFilter::isFilterText(const QString &text)
{
    for (const QString &prefix : {kLabelPrefix, kSegmentPrefix, kTagPrefix, kDepartmentPrefix, kVipPrefix, kSubscribedPrefix,
                                  kContactablePrefix}) {
        if (text.startsWith(prefix)) {
            return true;
        }
    }
    return false;
}

Result<CustomerFilter> CustomerFilter::fromPlaceText(const Database &database, const QString &text)
{
    if (!isFilterText(text)) {
        return Error::make(ErrorKind::Invalid, tr("“%1” is not a customer filter.").arg(text));
    }
    CustomerFilter filter;
    QStringList descriptions;
    QStringList clauses;
    for (const QString &clause : text.split(kSeparator, Qt::SkipEmptyParts)) {
        if (clause.startsWith(kLabelPrefix)) {
            const QString name = clause.mid(kLabelPrefix.size());
            auto label = LabelStore(database).byName(name);
            if (!label) {
                return label.error();
            }
            if (!*label) {
                return Error::make(ErrorKind::NotFound, tr("There is no label “%1” (any more).").arg(name));
            }
            filter.labelId = (*label)->id;
            descriptions << tr("Label “%1”").arg((*label)->name);
        } else if (clause.startsWith(kSegmentPrefix)) {
            const QString code = clause.mid(kSegmentPrefix.size());
            auto segment = SegmentStore(database).byCode(code);
            if (!segment) {
                return segment.error();
            }
            if (!*segment) {
                return Error::make(ErrorKind::NotFound, tr("There is no segment “%1” (any more).").arg(code));
            }
            filter.segmentId = (*segment)->id;
            descriptions << tr("Segment “%1”").arg((*segment)->name);
        } else if (clause.startsWith(kTagPrefix)) {
            const QString name = clause.mid(kTagPrefix.size());
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
            descriptions << tr("Tag “%1”").arg(stored ? stored->toString() : name.simplified());
        } else if (clause.startsWith(kDepartmentPrefix)) {
            const QString code = clause.mid(kDepartmentPrefix.size());
            auto found = Sql::exec(database.connection(),
                                   QStringLiteral("SELECT id, name FROM departments WHERE code = ?"), {code},
                                   tr("looking up the department “%1”").arg(code));
            if (!found) {
                return found.error();
            }
            if (!found->next()) {
                return Error::make(ErrorKind::NotFound, tr("There is no department “%1” (any more).").arg(code));
            }
            filter.departmentId = found->value(0).toLongLong();
            descriptions << tr("Department “%1”").arg(found->value(1).toString());
        } else if (clause == kVipPrefix + QStringLiteral("yes")) {
            filter.vip = Vip::Only;
            descriptions << tr("VIP");
        } else if (clause == kVipPrefix + QStringLiteral("no")) {
            filter.vip = Vip::Not;
            descriptions << tr("not VIP");
        } else if (clause.startsWith(kSubscribedPrefix) && channels().contains(clause.mid(kSubscribedPrefix.size()))) {
            filter.subscribedChannel = clause.mid(kSubscribedPrefix.size());
            descriptions << tr("subscribed by %1").arg(channelName(filter.subscribedChannel));
        } else if (clause == kContactablePrefix + QStringLiteral("email")) {
            filter.contactable = Contactable::ByEmail;
            descriptions << tr("reachable by e-mail campaigns");
        } else if (clause == kContactablePrefix + QStringLiteral("sms")) {
            filter.contactable = Contactable::BySms;
            descriptions << tr("reachable by SMS campaigns");
        } else {
            return Error::make(ErrorKind::Invalid, tr("“%1” is not a customer filter.").arg(clause));
        }
        clauses << clause;
    }
    filter.description = descriptions.join(QStringLiteral(", "));
    filter.placeText = clauses.join(kSeparator);
    return filter;
}

} // namespace Gavel::Models
