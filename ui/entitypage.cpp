#include "entitypage.h"

#include "navigator.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

struct KindName
{
    Place::Kind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {Place::Kind::Customer, "customer"}, {Place::Kind::Lot, "lot"},         {Place::Kind::Sale, "sale"},
    {Place::Kind::Campaign, "campaign"}, {Place::Kind::Invoice, "invoice"}, {Place::Kind::Poll, "poll"},
};

} // namespace

EntityPage::EntityPage(Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : PlacePage(parent), m_loader(loader), m_navigator(navigator)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("pageHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_subtitle, &QLabel::linkActivated, this, &EntityPage::openLink);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pageMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_body = new QWidget(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_body, 1);
}

void EntityPage::showPlace(const Place &place)
{
    if (place == m_place && m_loaded) {
        return; // back to a page already on screen: keep it as it was
    }
    m_place = place;
    m_loaded = false;
    m_generation.renew();
    m_title = tr("Loading…");
    m_heading->clear();
    m_subtitle->clear();
    m_message->setText(tr("Loading…"));
    m_message->show();
    m_body->hide();
    load(place);
}

void EntityPage::setHeading(const QString &title, const QString &subtitle)
{
    m_title = title;
    m_heading->setText(title);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
    if (isVisible()) {
        window()->setWindowTitle(tr("%1 — Gavel").arg(title));
    }
}

void EntityPage::showContent()
{
    m_loaded = true;
    m_message->hide();
    m_body->show();
}

void EntityPage::showError(const Models::Error &error)
{
    m_loaded = false;
    m_title = tr("Not found");
    m_heading->setText(m_title);
    m_message->setText(error.message);
    m_message->setToolTip(error.detail);
    m_message->show();
    m_body->hide();
}

QString EntityPage::linkTo(Place::Kind kind, qint64 id, const QString &text)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind) {
            return QStringLiteral("<a href=\"gavel:%1/%2\">%3</a>")
                .arg(QLatin1String(k.name))
                .arg(id)
                .arg(text.toHtmlEscaped());
        }
    }
    return text.toHtmlEscaped();
}

void EntityPage::openLink(const QString &href)
{
    const QUrl url(href);
    if (url.scheme() != u"gavel") {
        return;
    }
    const QString kindName = url.path().section(u'/', 0, 0);
    const qint64 id = url.path().section(u'/', 1, 1).toLongLong();
    for (const KindName &k : kKindNames) {
        if (kindName == QLatin1String(k.name) && id != 0) {
            m_navigator.open(k.kind == Place::Kind::Customer ? Place::customer(id)
                                                             : Place::of(k.kind, id, m_place.customerId));
            return;
        }
    }
}

QFormLayout *EntityPage::makeForm(QWidget *parent)
{
    auto *form = new QFormLayout(parent);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    return form;
}

QLabel *EntityPage::addFact(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(value, &QLabel::linkActivated, this, &EntityPage::openLink);
    form->addRow(label, value);
    return value;
}

void EntityPage::setFact(QLabel *value, const QString &text)
{
    value->setTextFormat(text.contains(QLatin1String("<a href")) ? Qt::RichText : Qt::PlainText);
    value->setText(text);
    if (auto *form = qobject_cast<QFormLayout *>(value->parentWidget()->layout())) {
        form->setRowVisible(value, !text.isEmpty());
    }
}

QTreeWidget *EntityPage::makeTable(const QStringList &headers, const QString &objectName, int stretchColumn)
{
    auto *table = new QTreeWidget(m_body);
    table->setObjectName(objectName);
    table->setHeaderLabels(headers);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->header()->setStretchLastSection(false);
    if (stretchColumn >= 0) {
        table->header()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    }
    connect(table, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const Place place = item->data(0, Qt::UserRole).value<Place>();
        if (place.id != 0) {
            m_navigator.open(place);
        }
    });
    return table;
}

void EntityPage::fitColumns(QTreeWidget *table)
{
    for (int column = 0; column < table->columnCount(); ++column) {
        if (table->header()->sectionResizeMode(column) != QHeaderView::Stretch) {
            table->resizeColumnToContents(column);
        }
    }
}

QTreeWidgetItem *EntityPage::addRow(QTreeWidget *table, const QStringList &cells, const Place &place,
                                    const QList<int> &rightAligned)
{
    auto *item = new QTreeWidgetItem(table, cells);
    if (place.id != 0) {
        item->setData(0, Qt::UserRole, QVariant::fromValue(place));
    }
    for (const int column : rightAligned) {
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

void EntityPage::setColumns(const QList<QWidget *> &left, QWidget *right)
{
    auto *column = new QVBoxLayout;
    for (QWidget *widget : left) {
        column->addWidget(widget);
    }
    column->addStretch(1);
    auto *layout = new QHBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(column, 2);
    layout->addWidget(right, 3);
}

} // namespace Gavel::Ui
