#pragma once

#include "loader.h"
#include "marketingdata.h"
#include "profilepanel.h"

class QGroupBox;
class QLabel;
class QScrollArea;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class ChipListWidget;
class Navigator;
class RecordTableView;
class SubscriptionMatrixWidget;

/// The profile's Marketing tab: every mailing the customer was in (control-group rows say
/// nothing was sent), promo codes, polls answered, each opening its campaign's or poll's
/// page; the customer's tags, each listing every customer with it; and the subscription
/// matrix, where each change is saved at once and audited.
class MarketingPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarketingPanel)

public:
    MarketingPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    void showCustomer(const Models::Customer &customer) override;
    void reload();

    bool isLoaded() const { return m_loaded; }
    /// Whether a subscription change is being written.
    bool isSaving() const { return m_saving; }
    const Models::MarketingData &data() const { return m_data; }
    RecordTableView *mailingTable() const { return m_mailings; }
    RecordTableView *promoTable() const { return m_promos; }
    RecordTableView *pollTable() const { return m_polls; }
    ChipListWidget *tagChips() const { return m_tags; }
    SubscriptionMatrixWidget *subscriptions() const { return m_subscriptions; }

Q_SIGNALS:
    void loaded();
    /// A subscription change was written (or failed: the matrix says why).
    void subscriptionsSaved(bool ok);

private:
    void apply(const Models::MarketingData &data);
    void fill();
    void showError(const Models::Error &error);
    void changeSubscription(const QString &channel, qint64 categoryId, bool subscribed);
    void unsubscribeFromAll();
    /// Runs a subscription write off the GUI thread and shows the matrix as stored after it.
    void writeSubscriptions(std::function<Models::Result<QString>(Models::Database &)> write);

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    /// Subscription writes: never renewed, so a change already asked for is never dropped.
    Models::LoadGeneration m_writes;
    Models::Customer m_customer;
    Models::MarketingData m_data;
    bool m_loaded = false;
    bool m_saving = false;

    QLabel *m_status = nullptr;
    QScrollArea *m_side = nullptr;
    QGroupBox *m_mailingBox = nullptr;
    QGroupBox *m_promoBox = nullptr;
    QGroupBox *m_pollBox = nullptr;
    RecordTableView *m_mailings = nullptr;
    RecordTableView *m_promos = nullptr;
    RecordTableView *m_polls = nullptr;
    ChipListWidget *m_tags = nullptr;
    SubscriptionMatrixWidget *m_subscriptions = nullptr;
};

} // namespace Gavel::Ui
