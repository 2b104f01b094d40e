#pragma once

#include <QLayout>
#include <QList>

namespace Gavel::Ui {

/// Lays its items out left to right and wraps them onto the next line when the width runs
/// out, like words in a paragraph: for tags, labels and segments of any number and length.
/// (After Qt's Flow Layout example.)
class FlowLayout final : public QLayout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowLayout)

public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int doLayout(const QRect &rect, bool testOnly) const;
    int gap() const;

    QList<QLayoutItem *> m_items;
    int m_spacing = -1;
};

} // namespace Gavel::Ui
