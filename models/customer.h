#pragma once

#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Gavel::Models {

/// One customer as stored: identity, contacts, personal details and the few summary
/// figures the customer list shows. Empty text means "not given".
struct Customer
{
    qint64 id = 0;              ///< local key; never shown or exported
    QString uuid;               ///< global identity, stable across copies
    QString customerNo;         ///< the house's Customer ID, unique, editable
    QString title;
    QString firstName;
    QString lastName;
    QString company;
    QString email;
    QString phone;
    QString smsNumber;          ///< the number SMS campaigns go to
    QString addressLine1;
    QString addressLine2;
    QString city;
    QString region;
    QString postalCode;
    QString country;            ///< ISO 3166-1 alpha-2 ("GB")
    QString gender;             ///< "female", "male", "other" or empty
    QDate birthDate;
    QString language;           ///< BCP 47 ("en", "fr-CH")
    QDateTime registeredAt;
    bool vip = false;
    QString source;             ///< where the record came from ("import", "demo", "staff")
    QDateTime lastActivityAt;
    qint64 totalSpentMinor = 0; ///< invoices' totals in the house currency
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;
    int version = 0;

    /// "Anna Schmidt", else the company, else the Customer ID.
    QString displayName() const;
    /// The key the list sorts names by: case-folded "last first".
    static QString sortNameFor(const QString &firstName, const QString &lastName, const QString &company);
};

} // namespace Gavel::Models

Q_DECLARE_METATYPE(Gavel::Models::Customer)
