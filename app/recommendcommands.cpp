#include "recommendcommands.h"

#include "commandline.h"
#include "commands.h"
#include "customerstore.h"
#include "database.h"
#include "epoch.h"
#include "money.h"
#include "recommendationdata.h"
#include "recommendationevaluation.h"
#include "recommendationstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>

namespace Gavel::App {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Commands", text);
}

void write(std::FILE *to, const QString &text)
{
    std::fputs(qPrintable(text), to);
    std::fflush(to);
}

int failed(const Models::Error &error)
{
    write(stderr, QStringLiteral("gavel: %1\n").arg(error.fullText()));
    return 1;
}

int wrongUsage(const QCommandLineParser &parser, const QString &message)
{
    write(stderr, QStringLiteral("gavel: %1\n%2").arg(message, parser.helpText()));
    return 2;
}

QJsonObject toJson(const Models::RecommendationList &list, const Models::Customer &customer)
{
    QJsonArray lots;
    for (const Models::Recommendation &lot : list.lots) {
        lots.append(QJsonObject{
            {QStringLiteral("lot_id"), lot.lotId},
            {QStringLiteral("lot_no"), lot.lotNo},
            {QStringLiteral("title"), lot.title},
            {QStringLiteral("maker"), lot.maker},
            {QStringLiteral("low_estimate_minor"), lot.lowEstimate},
            {QStringLiteral("high_estimate_minor"), lot.highEstimate},
            {QStringLiteral("currency"), lot.currency},
            {QStringLiteral("match_score"), lot.score},
            {QStringLiteral("exact_score"), std::round(lot.exactScore * 100) / 100},
            {QStringLiteral("bid_on"), lot.bidOn},
            {QStringLiteral("wishlisted"), lot.wishlisted},
            {QStringLiteral("parts"), Models::contributionsToJson(lot.contributions)},
        });
    }
    return QJsonObject{
        {QStringLiteral("customer_no"), customer.customerNo},
        {QStringLiteral("customer"), customer.displayName()},
        {QStringLiteral("sale"), QJsonObject{{QStringLiteral("sale_no"), list.sale.saleNo},
                                             {QStringLiteral("title"), list.sale.title},
                                             {QStringLiteral("starts_at"), list.sale.startsAt},
                                             {QStringLiteral("status"), list.sale.status}}},
        {QStringLiteral("lots"), lots},
    };
}

QString toText(const Models::RecommendationList &list, const Models::Customer &customer)
{
    QString text = tr("Lots of %1 “%2” (%3) for %4 (%5)\n\n")
                       .arg(list.sale.saleNo, list.sale.title,
                            QLocale().toString(Models::fromEpoch(list.sale.startsAt).date(), QLocale::ShortFormat),
                            customer.displayName(), customer.customerNo);
    int rank = 0;
    for (const Models::Recommendation &lot : list.lots) {
        QString marks;
        if (lot.bidOn) {
            marks += tr(" [bid on]");
        }
        if (lot.wishlisted) {
            marks += tr(" [wishlisted]");
        }
        text += QStringLiteral("%1. %2 %3  %4  %5%6\n")
                    .arg(++rank)
                    .arg(tr("Lot %1").arg(lot.lotNo), tr("Match %1").arg(lot.score), lot.title,
                         Models::formatEstimate(lot.lowEstimate, lot.highEstimate, lot.currency), marks);
        for (const QString &reason : lot.reasons()) {
            text += QStringLiteral("     %1\n").arg(reason);
        }
    }
    if (list.lots.empty()) {
        text += tr("No lots to recommend.\n");
    }
    return text;
}

} // namespace

int runRecommend(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Ranks the lots of a sale for one customer, with the Match Score (0–100) "
                                        "and the reasons behind it."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("recommend"), {}, QStringLiteral("recommend"));
    parser.addOption({QStringLiteral("customer"), tr("The customer's Customer ID."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("sale"), tr("The sale number (default: the next upcoming sale)."),
                      QStringLiteral("NO")});
    parser.addOption({QStringLiteral("top"), tr("How many lots (default 20; 0 for all)."), QStringLiteral("N"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("json"), tr("Write JSON instead of text.")});
    parser.addOption({QStringLiteral("leave-out-engaged"), tr("Leave out lots already bid on or wishlisted.")});
    parser.addOption({QStringLiteral("as-of"), tr("Rank as of the start of this day (default: now)."),
                      QStringLiteral("YYYY-MM-DD")});
    addDatabaseOptions(parser, false);
    if (!parser.parse(arguments)) {
        return wrongUsage(parser, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        write(stdout, parser.helpText());
        return 0;
    }
    if (!parser.isSet(QStringLiteral("customer"))) {
        return wrongUsage(parser, tr("recommend needs --customer ID."));
    }
    bool ok = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&ok);
    if (!ok || top < 0) {
        return wrongUsage(parser, tr("--top needs a whole number, 0 or more."));
    }
    qint64 now = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("as-of"))) {
        auto asOf = asOfDate(parser, QStringLiteral("as-of"));
        if (!asOf) {
            return wrongUsage(parser, asOf.error().message);
        }
        now = QDateTime(*asOf, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    }
    auto database = openForCommand(parser);
    if (!database) {
        return failed(database.error());
    }
    const QString customerNo = parser.value(QStringLiteral("customer"));
    auto customer = Models::CustomerStore(**database).byCustomerNo(customerNo);
    if (!customer) {
        return failed(customer.error());
    }
    if (!customer->has_value()) {
        return failed(Models::Error::make(Models::ErrorKind::NotFound,
                                          tr("There is no customer with Customer ID “%1”.").arg(customerNo)));
    }
    Models::RecommendationStore store(**database);
    qint64 saleId = 0;
    if (parser.isSet(QStringLiteral("sale"))) {
        const QString saleNo = parser.value(QStringLiteral("sale"));
        auto sale = store.saleByNumber(saleNo);
        if (!sale) {
            return failed(sale.error());
        }
        if (!sale->has_value()) {
            return failed(Models::Error::make(Models::ErrorKind::NotFound,
                                              tr("There is no sale numbered “%1”.").arg(saleNo)));
        }
        saleId = (*sale)->id;
    } else {
        auto sale = store.nextSale(now);
        if (!sale) {
            return failed(sale.error());
        }
        saleId = sale->id;
    }
    Models::RecommendationOptions options;
    options.top = top;
    options.leaveOutEngaged = parser.isSet(QStringLiteral("leave-out-engaged"));
    auto list = store.recommend((*customer)->id, saleId, options, now);
    if (!list) {
        return failed(list.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        write(stdout, QString::fromUtf8(QJsonDocument(toJson(*list, **customer)).toJson(QJsonDocument::Indented)));
    } else {
        write(stdout, toText(*list, **customer));
    }
    return 0;
}

int runEvaluateRecommendations(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Holds out the bids of the most recent past sales, ranks each held-out sale's lots for every customer "
           "who bid in it from what was known before the sale, and compares the recommender with a popularity "
           "and a department-only baseline (NDCG, recall and hit rate at k)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("evaluate-recommendations"), {},
                                 QStringLiteral("evaluate-recommendations"));
    parser.addOption({QStringLiteral("sales"), tr("How many recent sales to hold out (default 12)."),
                      QStringLiteral("N"), QStringLiteral("12")});
    parser.addOption({QStringLiteral("k"), tr("The cut-off k (default 10)."), QStringLiteral("K"),
                      QStringLiteral("10")});
    addDatabaseOptions(parser, false);
    if (!parser.parse(arguments)) {
        return wrongUsage(parser, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        write(stdout, parser.helpText());
        return 0;
    }
    bool salesOk = false;
    bool kOk = false;
    Models::RecommendationEvaluation::Options options;
    options.sales = parser.value(QStringLiteral("sales")).toInt(&salesOk);
    options.cutoff = parser.value(QStringLiteral("k")).toInt(&kOk);
    if (!salesOk || !kOk || options.sales < 1 || options.cutoff < 1) {
        return wrongUsage(parser, tr("--sales and --k need whole numbers of 1 or more."));
    }
    auto database = openForCommand(parser);
    if (!database) {
        return failed(database.error());
    }
    auto data = Models::RecommendationData::load(**database);
    if (!data) {
        return failed(data.error());
    }
    const auto report = Models::RecommendationEvaluation::run(*data, options, [](int done, int total) {
        write(stderr, tr("Held-out sale %1 of %2\n").arg(done).arg(total));
    });
    const QLocale c = QLocale::c();
    write(stdout, tr("%1 held-out sales, %2 lots each on average; %3 customer rankings, %4 lots bid on each on "
                     "average; %5 s\n\n")
                      .arg(report.sales)
                      .arg(c.toString(report.lotsPerSale, 'f', 1))
                      .arg(report.rankings)
                      .arg(c.toString(report.relevantPerRanking, 'f', 2), c.toString(report.seconds, 'f', 1)));
    write(stdout, QStringLiteral("| %1 | NDCG@%2 | recall@%2 | hit rate@%2 |\n|---|---|---|---|\n")
                      .arg(tr("method"))
                      .arg(options.cutoff));
    for (const auto &method : report.methods) {
        write(stdout, QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                          .arg(method.method, c.toString(method.ndcg, 'f', 3), c.toString(method.recall, 'f', 3),
                               c.toString(method.hitRate, 'f', 3)));
    }
    return 0;
}

} // namespace Gavel::App
