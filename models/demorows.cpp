#include "demorows.h"

namespace Gavel::Models::Demo {

namespace {

QStringList columns(const char *list)
{
    return QString::fromLatin1(list).split(QStringLiteral(", "));
}

} // namespace

Chunk::Chunk()
    : customers(QStringLiteral("customers"),
                columns("id, uuid, customer_no, title, first_name, last_name, company, email, phone, sms_number, "
                        "address_line1, address_line2, city, region, postal_code, country, gender, birth_date, "
                        "language, registered_at, vip, source, sort_name, last_activity_at, total_spent_minor, "
                        "created_at, updated_at, updated_by, version")),
      customerDepartments(QStringLiteral("customer_departments"),
                          columns("customer_id, department_id, source, added_at, added_by")),
      customerLabels(QStringLiteral("customer_labels"), columns("customer_id, label_id, added_at, added_by")),
      subscriptions(QStringLiteral("subscriptions"),
                    columns("customer_id, channel, category_id, status, changed_at, source, version, updated_at, "
                            "updated_by")),
      consignments(QStringLiteral("consignments"),
                   columns("id, uuid, consignment_no, customer_id, department_id, received_at, status, description, "
                           "specialist, version, updated_at, updated_by")),
      saleRegistrations(QStringLiteral("sale_registrations"),
                        columns("sale_id, customer_id, paddle_no, platform_id, registered_at")),
      bids(QStringLiteral("bids"),
           columns("id, lot_id, customer_id, amount_minor, currency, placed_at, channel, platform_id, is_winning")),
      wishlists(QStringLiteral("wishlists"), columns("id, customer_id, lot_id, added_at")),
      invoices(QStringLiteral("invoices"),
               columns("id, invoice_no, customer_id, sale_id, venue_id, issued_at, due_at, paid_at, status, currency, "
                       "hammer_minor, premium_minor, tax_minor, delivery_minor, total_minor, payment_method, version, "
                       "updated_at, updated_by")),
      invoiceLines(QStringLiteral("invoice_lines"),
                   columns("id, invoice_id, line_no, lot_id, description, hammer_minor, premium_minor, tax_minor, "
                           "amount_minor")),
      baskets(QStringLiteral("baskets"),
              columns("id, customer_id, venue_id, created_at, abandoned_at, status, invoice_id")),
      basketItems(QStringLiteral("basket_items"),
                  columns("id, basket_id, lot_id, name, price_minor, currency, quantity, added_at")),
      promoCodes(
          QStringLiteral("promo_codes"),
          columns("id, code, campaign_id, customer_id, issued_at, redeemed_at, invoice_id, reissued, description")),
      loyalty(QStringLiteral("loyalty_ledger"),
              columns("id, customer_id, kind, amount_minor, currency, created_at, activates_at, expires_at, reason, "
                      "invoice_id")),
      campaignRecipients(QStringLiteral("campaign_recipients"),
                         columns("campaign_id, customer_id, in_control, sent_at, opened_at, open_count, clicked_at, "
                                 "click_count, unsubscribed_at, bounced_at")),
      pollAnswers(QStringLiteral("poll_answers"), columns("id, question_id, customer_id, answer, answered_at")),
      customerTags(QStringLiteral("customer_tags"),
                   columns("id, uuid, customer_id, tag_id, state, weight, source, version, updated_at, updated_by")),
      notes(QStringLiteral("notes"),
            columns("id, uuid, customer_id, body, pinned, author, created_at, deleted_at, version, updated_at, "
                    "updated_by"))
{
}

std::vector<RowBuffer *> Chunk::inWriteOrder()
{
    return {&customers,
            &customerDepartments,
            &customerLabels,
            &subscriptions,
            &consignments,
            &saleRegistrations,
            &bids,
            &wishlists,
            &invoices,
            &invoiceLines,
            &baskets,
            &basketItems,
            &promoCodes,
            &loyalty,
            &campaignRecipients,
            &pollAnswers,
            &customerTags,
            &notes};
}

void Chunk::clear()
{
    for (RowBuffer *buffer : inWriteOrder()) {
        buffer->clear();
    }
    events.clear();
    lotConsignments.clear();
}

qint64 Chunk::rowCount() const
{
    qint64 rows = static_cast<qint64>(events.size());
    for (RowBuffer *buffer : const_cast<Chunk *>(this)->inWriteOrder()) {
        rows += buffer->rowCount();
    }
    return rows;
}

} // namespace Gavel::Models::Demo
