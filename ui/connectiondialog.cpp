#include "connectiondialog.h"

#include "ui_connectiondialog.h"

#include <QPushButton>

namespace Gavel::Ui {

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<::Ui::ConnectionDialog>())
{
    m_ui->setupUi(this);
    m_ui->user->setText(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
    connect(m_ui->host, &QLineEdit::textChanged, this, &ConnectionDialog::updateOkButton);
    connect(m_ui->database, &QLineEdit::textChanged, this, &ConnectionDialog::updateOkButton);
    updateOkButton();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setSpec(const Models::ConnectionSpec &spec)
{
    m_ui->host->setText(spec.host);
    m_ui->port->setValue(spec.port);
    m_ui->database->setText(spec.databaseName);
    m_ui->user->setText(spec.user);
    m_ui->options->setText(spec.extraOptions);
}

Models::ConnectionSpec ConnectionDialog::spec() const
{
    Models::ConnectionSpec spec;
    spec.engine = Models::Engine::Postgres;
    spec.host = m_ui->host->text().trimmed();
    spec.port = m_ui->port->value();
    spec.databaseName = m_ui->database->text().trimmed();
    spec.user = m_ui->user->text().trimmed();
    spec.extraOptions = m_ui->options->text().trimmed();
    return spec;
}

void ConnectionDialog::updateOkButton()
{
    m_ui->buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_ui->host->text().trimmed().isEmpty() && !m_ui->database->text().trimmed().isEmpty());
}

} // namespace Gavel::Ui
