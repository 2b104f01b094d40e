#include "demopeople.h"

#include "seededrandom.h"

#include <QDate>

#include <array>

namespace Gavel::Models::Demo {

namespace {

/// A city: its postal codes ('#' a digit, '@' a letter; alternatives separated by '|'),
/// the national prefixes of its landlines and how they are grouped, and its language.
struct CityData
{
    const char *name;
    const char *region;
    const char *postal;
    const char *landlines;      ///< national significant number prefixes, '|'-separated; 'N' is 2–9
    int landlineLength;         ///< digits of the national significant number
    const char *landlineGroups; ///< "2 4 4"
    const char *language;       ///< empty: the country's
};

enum AddressStyle
{
    NumberFirst,  ///< "12 Cheyne Walk"
    NumberAfter,  ///< "Kurfürstendamm 12"
    NumberComma,  ///< "Via Condotti, 12"
    Japanese,     ///< "3-12-5 Minami-Aoyama, Minato-ku"
    ChineseRoom,  ///< "Room 1203, 88 Century Avenue"
    HongKongFlat, ///< "Flat 12B, 8 Conduit Road"
    GulfVilla,    ///< "Villa 12, Street 5"
};

/// One country. Lists are '|'-separated UTF-8; a native-script name is written "結衣=Yui",
/// the romanisation after '=' being what the e-mail address is made of.
struct CountryData
{
    const char *code;
    int weight;
    const char *female;
    const char *male;
    const char *last;
    const char *streets;
    AddressStyle style;
    const char *domains;
    const char *femaleTitles;
    const char *maleTitles;
    const char *language;
    const char *callingCode;
    const char *trunk;   ///< the national prefix ("0"); empty where there is none
    const char *mobiles; ///< mobile prefixes of the national significant number
    int mobileLength;
    const char *mobileGroups;
    bool northAmerican; ///< (212) 555-0123
    const char *line2;  ///< second address lines ('|'), when the style uses them
    std::array<CityData, 6> cities;
    const char *nativeFemale = "";
    const char *nativeMale = "";
    const char *nativeLast = "";
    int nativePermille = 0;
};

constexpr const char *kAngloFemaleTitles = "Ms|Mrs|Ms|Mrs|Miss|Ms|Mrs|Dr";
constexpr const char *kAngloMaleTitles = "Mr|Mr|Mr|Mr|Mr|Mr|Dr|Prof|Sir";

// clang-format off
const std::array<CountryData, 23> kCountries = {{
    {"GB", 34,
     "Charlotte|Olivia|Amelia|Emily|Sophie|Harriet|Eleanor|Georgina|Alice|Lucy|Catherine|Victoria|Rebecca|Hannah|Imogen|Florence|Jessica|Sarah|Anna|Rosalind|Margaret|Elizabeth|Priya|Aisha|Siobhan|Zoë|Chloë",
     "James|William|Oliver|Thomas|Henry|George|Edward|Charles|Alexander|Benjamin|Daniel|Samuel|Matthew|Hugo|Rupert|Jonathan|Richard|Christopher|Andrew|David|Rajesh|Mohammed|Callum|Rhys|Owen",
     "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|White|Roberts|Green|Hall|Wood|Jackson|Clarke|Patel|Khan|Fitzgerald|Ashworth|Pemberton|Montagu|Cavendish|Harrington|Ellis|Hughes|MacLeod|Campbell|O'Neill|Ferguson|Llewellyn|Brontë|Smythe-Ramsay",
     "Kensington Church Street|Cheyne Walk|Elgin Crescent|Ladbroke Grove|Marylebone High Street|Cadogan Square|Holland Park Avenue|Canonbury Square|Flask Walk|Royal Crescent|Queen Street|Heriot Row|Moray Place|George Street|High Street|Church Lane|Mill Lane|The Green|Station Road",
     NumberFirst, "gmail.com|gmail.com|outlook.com|hotmail.co.uk|btinternet.com|icloud.com|yahoo.co.uk|me.com",
     kAngloFemaleTitles, kAngloMaleTitles, "en-GB", "44", "0", "7400|7412|7432|7480|7712|7723|7801|7812|7901|7912", 10, "4 6", false, "Flat 2|Flat 4|Garden Flat|The Coach House",
     {{{"London", "", "SW3 #@@|SW7 #@@|W8 #@@|W11 #@@|NW3 #@@|N1 #@@|SW1X #@@|W1G #@@", "207|208", 10, "3 3 4", ""},
       {"Edinburgh", "", "EH3 #@@|EH4 #@@|EH9 #@@", "1312|1314|1315|1316", 10, "3 3 4", ""},
       {"Bath", "Somerset", "BA1 #@@|BA2 #@@", "1225", 10, "4 6", ""},
       {"Oxford", "Oxfordshire", "OX2 #@@|OX1 #@@", "1865", 10, "4 6", ""},
       {"Manchester", "Greater Manchester", "M20 #@@|M3 #@@", "161", 10, "3 3 4", ""},
       {"Birmingham", "West Midlands", "B15 #@@|B3 #@@", "1214|1216|1217", 10, "3 3 4", ""}}}},
    {"US", 11,
     "Emily|Madison|Sarah|Jennifer|Elizabeth|Katherine|Rachel|Lauren|Megan|Olivia|Abigail|Grace|Natalie|Samantha|Maria|Sofia|Ashley|Jessica|Hannah|Caroline",
     "Michael|Christopher|Matthew|Joshua|Andrew|Daniel|Ryan|Benjamin|Nicholas|Jonathan|Robert|John|William|David|Ethan|Tyler|Carlos|Jacob|Brandon|Kevin",
     "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Garcia|Rodriguez|Martinez|Anderson|Taylor|Thomas|Moore|Jackson|Lee|Harris|Clark|Lewis|Walker|Goldberg|Rosenthal|Whitney|Vanderbilt|O'Brien|Kowalski|Nguyen|Kim|Cohen|Sullivan",
     "Park Avenue|Fifth Avenue|Madison Avenue|West 72nd Street|East 81st Street|Beacon Street|Commonwealth Avenue|Lake Shore Drive|Collins Avenue|Sunset Boulevard|Wilshire Boulevard|Greenwich Street|Main Street|Oak Street",
     NumberFirst, "gmail.com|gmail.com|yahoo.com|outlook.com|icloud.com|aol.com|comcast.net",
     kAngloFemaleTitles, kAngloMaleTitles, "en-US", "1", "1", "", 10, "3 3 4", true, "Apt 12B|Apt 4A|Suite 300|PH 2",
     {{{"New York", "NY", "100##", "212N|646N|917N", 10, "", ""},
       {"Los Angeles", "CA", "900##", "310N|213N", 10, "", ""},
       {"San Francisco", "CA", "941##", "415N", 10, "", ""},
       {"Boston", "MA", "021##", "617N", 10, "", ""},
       {"Chicago", "IL", "606##", "312N", 10, "", ""},
       {"Miami", "FL", "331##", "305N", 10, "", ""}}}},
    {"FR", 6,
     "Camille|Léa|Chloé|Manon|Inès|Juliette|Élodie|Margaux|Clémence|Hélène|Béatrice|Sophie|Anaïs|Céline|Mathilde|Geneviève|Aurélie|Noémie|Océane|Françoise",
     "Louis|Hugo|Théo|Lucas|Étienne|François|Jérôme|Antoine|Guillaume|Benoît|Nicolas|Julien|Maxime|Sébastien|Raphaël|Clément|Thibault|Gaël|Aurélien|Frédéric",
     "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Mercier|Dupont|Lambert|Bonnet|Faure|Rousseau|de La Tour|Châtelain",
     "rue de Rivoli|rue du Faubourg Saint-Honoré|avenue Montaigne|boulevard Saint-Germain|rue de Grenelle|quai Voltaire|rue du Bac|avenue Foch|place des Vosges|rue Mercière|cours Mirabeau|rue Sainte-Catherine|allées de Tourny",
     NumberFirst, "gmail.com|orange.fr|free.fr|wanadoo.fr|laposte.net|sfr.fr|gmail.com",
     "Mme|Mme|Mme|Mlle|Dr", "M.|M.|M.|M.|Dr", "fr", "33", "0", "61|62|64|65|66|67|68|75|76|77|78", 9, "1 2 2 2 2", false, "Bâtiment B|3e étage|Escalier A",
     {{{"Paris", "Île-de-France", "7500#|7501#", "1", 9, "1 2 2 2 2", ""},
       {"Lyon", "Auvergne-Rhône-Alpes", "6900#", "47|48", 9, "1 2 2 2 2", ""},
       {"Bordeaux", "Nouvelle-Aquitaine", "330##", "5", 9, "1 2 2 2 2", ""},
       {"Marseille", "Provence-Alpes-Côte d'Azur", "1300#", "42", 9, "1 2 2 2 2", ""},
       {}, {}}}},
    {"DE", 6,
     "Anna|Lena|Sophie|Marie|Katharina|Julia|Laura|Hannah|Lea|Johanna|Charlotte|Franziska|Sabine|Ursula|Brigitte|Birgit|Annegret|Käthe|Lotte|Friederike",
     "Lukas|Maximilian|Jonas|Felix|Leon|Paul|Jürgen|Günter|Klaus|Stefan|Matthias|Andreas|Thomas|Michael|Sebastian|Tobias|Florian|Björn|Jörg|Ulrich",
     "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|von Bülow|Weiß|Köhler|Groß",
     "Kurfürstendamm|Unter den Linden|Friedrichstraße|Maximilianstraße|Leopoldstraße|Elbchaussee|Jungfernstieg|Schillerstraße|Goethestraße|Königsallee|Bahnhofstraße|Hauptstraße|Lindenstraße|Parkstraße",
     NumberAfter, "gmail.com|gmx.de|web.de|t-online.de|posteo.de|gmx.de",
     "Frau|Frau|Frau|Frau|Dr.|Prof. Dr.", "Herr|Herr|Herr|Herr|Dr.|Prof. Dr.", "de", "49", "0", "151|152|157|160|170|171|172|175|176|177|178|179", 0, "3 8", false, "Hinterhaus|2. OG|c/o Galerie Weiß",
     {{{"Berlin", "Berlin", "10###|14###", "30", 10, "2 8", ""},
       {"München", "Bayern", "80###|81###", "89", 10, "2 8", ""},
       {"Hamburg", "Hamburg", "20###|22###", "40", 10, "2 8", ""},
       {"Frankfurt am Main", "Hessen", "60###", "69", 10, "2 8", ""},
       {"Köln", "Nordrhein-Westfalen", "50###", "221", 10, "3 7", ""},
       {}}}},
    {"IT", 4,
     "Giulia|Francesca|Chiara|Sara|Martina|Alessandra|Valentina|Federica|Elena|Beatrice|Ludovica|Caterina|Giovanna|Maria|Paola|Silvia|Lucrezia|Bianca|Cecilia|Ilaria",
     "Alessandro|Lorenzo|Matteo|Francesco|Andrea|Leonardo|Riccardo|Tommaso|Giovanni|Marco|Luca|Niccolò|Federico|Pietro|Giacomo|Filippo|Stefano|Davide|Emanuele|Nicolò",
     "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi|Caruso|Galli|Martini|Leone|Della Rovere|Visconti|Pirandello",
     "Via Monte Napoleone|Via della Spiga|Corso Venezia|Via Condotti|Via del Babuino|Via Margutta|Via Giulia|Via de' Tornabuoni|Lungarno Corsini|Via Roma|Corso Vittorio Emanuele II|Via Garibaldi",
     NumberComma, "gmail.com|libero.it|alice.it|virgilio.it|tiscali.it|gmail.com",
     "Sig.ra|Sig.ra|Sig.ra|Dott.ssa|Prof.ssa", "Sig.|Sig.|Sig.|Sig.|Dott.|Avv.|Ing.", "it", "39", "", "32|33|34|36|38", 10, "3 7", false, "Scala B|Interno 4|Piano 2",
     {{{"Roma", "RM", "001##", "06", 10, "2 8", ""},
       {"Milano", "MI", "201##", "02", 10, "2 8", ""},
       {"Firenze", "FI", "501##", "055", 10, "3 7", ""},
       {}, {}, {}}}},
    {"ES", 3,
     "Lucía|María|Paula|Sofía|Carmen|Laura|Marta|Ana|Elena|Irene|Cristina|Pilar|Mercedes|Inés|Alba|Nuria|Begoña|Rocío|Montserrat|Ainhoa",
     "Alejandro|Pablo|Javier|Daniel|Álvaro|Sergio|Carlos|Manuel|David|Jorge|Miguel|Íñigo|Andrés|Gonzalo|Jaime|Rafael|Fernando|Ignacio|Jordi|Óscar",
     "García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Alonso|Gutiérrez|Navarro|Torres|Domínguez|Vázquez|Ramos|Serrano|Castillo|de la Fuente|Ortega|Núñez",
     "Calle de Serrano|Paseo de la Castellana|Calle de Velázquez|Calle de Alcalá|Gran Vía|Passeig de Gràcia|Rambla de Catalunya|Avinguda Diagonal|Calle Sierpes|Avenida de la Constitución|Calle Mayor",
     NumberComma, "gmail.com|hotmail.es|telefonica.net|yahoo.es|gmail.com",
     "Sra.|Sra.|Sra.|Dra.", "Sr.|Sr.|Sr.|Dr.", "es", "34", "", "6|71", 9, "3 3 3", false, "3º B|1º izquierda|Ático",
     {{{"Madrid", "Madrid", "280##", "91", 9, "2 3 2 2", ""},
       {"Barcelona", "Barcelona", "080##", "93", 9, "2 3 2 2", "ca"},
       {"Sevilla", "Sevilla", "410##", "95", 9, "2 3 2 2", ""},
       {}, {}, {}}}},
    {"CH", 4,
     "Anna|Laura|Sarah|Léa|Mia|Elena|Nina|Chiara|Céline|Noémie|Ursina|Seraina|Mathilde|Sophie|Lara",
     "Luca|Noah|David|Jonas|Nicolas|Julien|Matthias|Reto|Urs|Beat|Thierry|Marco|Gian-Luca|Samuel|Léon",
     "Müller|Meier|Schmid|Keller|Weber|Huber|Schneider|Meyer|Steiner|Fischer|Gerber|Brunner|Baumann|Frei|Zimmermann|Favre|Rochat|Bonvin|Rossi|Bernasconi|Pictet|de Pury|Lombardi|Hürlimann|Bühler",
     "Bahnhofstrasse|Seefeldstrasse|Rämistrasse|Dufourstrasse|Rue du Rhône|Rue de la Corraterie|Quai Gustave-Ador|Route de Florissant|Via Nassa|Riva Albertolli",
     NumberAfter, "gmail.com|bluewin.ch|gmx.ch|sunrise.ch|hispeed.ch",
     "Frau|Mme|Frau|Mme|Dr.", "Herr|M.|Herr|M.|Dr.", "de-CH", "41", "0", "76|78|79", 9, "2 3 2 2", false, "Postfach|c/o Treuhand AG",
     {{{"Zürich", "ZH", "80##", "44", 9, "2 3 2 2", "de-CH"},
       {"Genève", "GE", "120#", "22", 9, "2 3 2 2", "fr-CH"},
       {"Lugano", "TI", "690#", "91", 9, "2 3 2 2", "it-CH"},
       {}, {}, {}}}},
    {"NL", 3,
     "Emma|Sophie|Julia|Anna|Lotte|Sanne|Fleur|Eva|Iris|Noor|Marieke|Annelies|Femke|Lieke|Roos",
     "Daan|Sem|Lucas|Levi|Thijs|Jesse|Bram|Ruben|Pieter|Willem|Joost|Maarten|Sjoerd|Hendrik|Koen",
     "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|van der Meer|Huisman|van Rijn|IJzerman",
     "Keizersgracht|Herengracht|Prinsengracht|Van Baerlestraat|P.C. Hooftstraat|Vondelstraat|Witte de Withstraat|Kralingse Plaslaan",
     NumberAfter, "gmail.com|ziggo.nl|kpnmail.nl|hotmail.nl|xs4all.nl",
     "Mevr.|Mevr.|Mevr.|Dr.", "Dhr.|Dhr.|Dhr.|Dr.", "nl", "31", "0", "61|62|65", 9, "1 8", false, "",
     {{{"Amsterdam", "Noord-Holland", "1017 @@|1071 @@|1015 @@", "20", 9, "2 7", ""},
       {"Rotterdam", "Zuid-Holland", "3011 @@|3062 @@", "10", 9, "2 7", ""},
       {}, {}, {}, {}}}},
    {"BE", 2,
     "Emma|Louise|Marie|Elise|Lotte|Charlotte|Chloé|Julie|Sofie|Hélène|Anouk|Inge",
     "Arthur|Louis|Lucas|Noah|Jules|Thomas|Pieter|Wouter|Maxime|Olivier|Benoît|Koen",
     "Peeters|Janssens|Maes|Jacobs|Mertens|Willems|Claes|Goossens|Wouters|De Smet|Dubois|Lambert|Dupont|Martin|Lejeune|Van Damme|de Mérode|Vandenberghe",
     "Avenue Louise|Rue Royale|Boulevard de Waterloo|Place du Grand Sablon|Meir|Leopoldstraat|Kammenstraat|Avenue Molière",
     NumberAfter, "gmail.com|skynet.be|telenet.be|proximus.be",
     "Mme|Mevr.|Mme|Mevr.|Dr", "M.|Dhr.|M.|Dhr.|Dr", "fr-BE", "32", "0", "47|48|49", 9, "3 2 2 2", false, "Boîte 3|Bus 12",
     {{{"Bruxelles", "Bruxelles-Capitale", "1000|1050|1180", "22|25|26|27", 8, "1 3 2 2", "fr-BE"},
       {"Antwerpen", "Antwerpen", "2000|2018", "32|33|38", 8, "1 3 2 2", "nl-BE"},
       {}, {}, {}, {}}}},
    {"AT", 2,
     "Anna|Sophie|Marie|Laura|Lena|Katharina|Theresa|Elisabeth|Magdalena|Johanna",
     "Lukas|Maximilian|David|Tobias|Florian|Stefan|Markus|Christoph|Wolfgang|Franz",
     "Gruber|Huber|Bauer|Wagner|Müller|Pichler|Steiner|Moser|Mayer|Hofer|Leitner|Berger|Fuchs|Eder|Fischer|Schwarz|Esterházy",
     "Kärntner Straße|Graben|Kohlmarkt|Ringstraße|Mariahilfer Straße|Getreidegasse|Linzer Gasse",
     NumberAfter, "gmail.com|gmx.at|aon.at|chello.at",
     "Frau|Frau|Frau|Dr.|Mag.", "Herr|Herr|Herr|Dr.|Mag.", "de-AT", "43", "0", "664|676", 10, "3 7", false, "Top 7|Stiege 2",
     {{{"Wien", "Wien", "1010|1040|1090|1130|1190", "150|152|171|180", 9, "1 8", ""},
       {"Salzburg", "Salzburg", "5020", "662", 9, "3 6", ""},
       {}, {}, {}, {}}}},
    {"SE", 2,
     "Alice|Maja|Elsa|Astrid|Ingrid|Karin|Linnéa|Saga|Ebba|Freja|Sofia|Märta",
     "Erik|Lars|Oskar|Axel|Gustav|Nils|Anders|Björn|Johan|Magnus|Olof|Sven",
     "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson|Lindqvist|Bergström|Åkesson|Sjöberg|Wallenberg|Lindgren",
     "Strandvägen|Karlavägen|Birger Jarlsgatan|Sturegatan|Östermalmsgatan|Kungsportsavenyen|Vasagatan",
     NumberAfter, "gmail.com|telia.com|bredband.net|hotmail.se",
     "", "", "sv", "46", "0", "70|72|73|76", 9, "2 3 2 2", false, "",
     {{{"Stockholm", "Stockholms län", "114 ##|115 ##", "8", 9, "1 3 3 2", ""},
       {"Göteborg", "Västra Götalands län", "411 ##", "31", 9, "2 3 2 2", ""},
       {}, {}, {}, {}}}},
    {"DK", 1,
     "Ida|Freja|Clara|Emma|Sofie|Mette|Karen|Signe|Astrid|Ane",
     "William|Oscar|Magnus|Frederik|Mads|Søren|Jens|Rasmus|Anders|Kasper",
     "Nielsen|Jensen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|Møller|Kjær|Holm|Bech|Østergaard",
     "Strandvejen|Bredgade|Amaliegade|Østerbrogade|Gammel Kongevej|Nyhavn|Store Kongensgade",
     NumberAfter, "gmail.com|mail.dk|jubii.dk|hotmail.dk",
     "", "", "da", "45", "", "2", 8, "2 2 2 2", false, "2. tv.|st. th.|4. sal",
     {{{"København", "Hovedstaden", "1050|1250|2100|2900", "3", 8, "2 2 2 2", ""}, {}, {}, {}, {}, {}}}},
    {"IE", 3,
     "Aoife|Saoirse|Niamh|Siobhán|Róisín|Ciara|Orla|Gráinne|Sinéad|Emma|Sarah|Clodagh",
     "Seán|Ciarán|Pádraig|Cian|Oisín|Conor|Darragh|Eoin|Fionn|Liam|Declan|Diarmuid",
     "Murphy|Kelly|O'Sullivan|Walsh|Smith|O'Brien|Byrne|Ryan|O'Connor|O'Neill|Ó Súilleabháin|McCarthy|Gallagher|Doherty|Kennedy|Lynch|Fitzgerald|Ní Bhriain",
     "Merrion Square|Fitzwilliam Square|Baggot Street|Ailesbury Road|Shrewsbury Road|Leeson Street|Dawson Street",
     NumberFirst, "gmail.com|eircom.net|yahoo.ie|outlook.com",
     kAngloFemaleTitles, kAngloMaleTitles, "en-IE", "353", "0", "83|85|86|87", 9, "2 3 4", false, "",
     {{{"Dublin", "Co. Dublin", "D02 @###|D04 @###|D06 @###", "1", 8, "1 3 4", ""}, {}, {}, {}, {}, {}}}},
    {"JP", 2,
     "Yui|Hana|Aoi|Sakura|Yuki|Haruka|Misaki|Naoko|Keiko|Emi|Ayaka|Mei",
     "Hiroshi|Takashi|Kenji|Haruto|Yūto|Sōta|Daiki|Takumi|Kazuo|Shōta|Ryō|Kenta",
     "Satō|Suzuki|Takahashi|Tanaka|Watanabe|Itō|Yamamoto|Nakamura|Kobayashi|Katō|Yoshida|Yamada|Sasaki|Matsumoto|Inoue|Kimura",
     "Minami-Aoyama, Minato-ku|Azabu-Jūban, Minato-ku|Ginza, Chūō-ku|Jingūmae, Shibuya-ku|Den'en-chōfu, Ōta-ku|Shirokanedai, Minato-ku",
     Japanese, "gmail.com|yahoo.co.jp|docomo.ne.jp|nifty.com|icloud.com",
     "Ms|Mrs|Ms|Mrs|Dr", "Mr|Mr|Mr|Mr|Dr", "ja", "81", "0", "9012|9085|8012|8034|7012", 10, "2 4 4", false, "",
     {{{"Tokyo", "Tokyo", "100-####|106-####|107-####|150-####", "33|34|35|36", 9, "1 4 4", ""},
       {"Osaka", "Osaka", "530-####|541-####", "64|66|67", 9, "1 4 4", ""},
       {}, {}, {}, {}}},
     "結衣=Yui|陽菜=Hina|葵=Aoi|美咲=Misaki", "健=Ken|大輝=Daiki|翔太=Shota|浩=Hiroshi", "佐藤=Sato|鈴木=Suzuki|高橋=Takahashi|田中=Tanaka|渡辺=Watanabe|山本=Yamamoto", 150},
    {"CN", 3,
     "Na|Jing|Min|Yan|Xiuying|Mei|Lin|Xin|Yu|Hui",
     "Wei|Lei|Jun|Yong|Jie|Tao|Hao|Ming|Qiang|Peng",
     "Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu",
     "Century Avenue, Pudong|Huaihai Middle Road|Nanjing West Road|Jianguomenwai Avenue|Chaoyang Park Road|Jinbao Street",
     ChineseRoom, "qq.com|163.com|126.com|sina.com|gmail.com",
     "Ms|Mrs|Ms|Mrs|Dr", "Mr|Mr|Mr|Mr|Dr", "zh-CN", "86", "0", "138|139|186|158", 11, "3 4 4", false, "",
     {{{"Shanghai", "Shanghai", "200###", "213|215|216", 10, "2 4 4", ""},
       {"Beijing", "Beijing", "100###", "105|106", 10, "2 4 4", ""},
       {}, {}, {}, {}}},
     "娜=Na|静=Jing|敏=Min|燕=Yan", "伟=Wei|磊=Lei|军=Jun|涛=Tao", "王=Wang|李=Li|张=Zhang|刘=Liu|陈=Chen|杨=Yang", 200},
    {"HK", 4,
     "Ka Yan|Wing Sze|Mei Ling|Hoi Yan|Suet Ying|Chloe|Natalie|Vivian",
     "Ka Ming|Chi Keung|Wai Man|Kwok Wing|Tsz Hin|Jason|Kelvin|Raymond",
     "Chan|Wong|Lee|Cheung|Lau|Ho|Ng|Leung|Tang|Lam|Yip|Kwok|Fung|Tse",
     "Conduit Road|Peak Road|Repulse Bay Road|Kennedy Road|MacDonnell Road|Robinson Road|Barker Road|Broadcast Drive",
     HongKongFlat, "gmail.com|yahoo.com.hk|netvigator.com|outlook.com",
     "Ms|Mrs|Ms|Mrs|Dr", "Mr|Mr|Mr|Mr|Dr", "zh-HK", "852", "", "61|63|64|69|94|96|97", 8, "4 4", false, "Mid-Levels|The Peak|Repulse Bay|Happy Valley|Kowloon Tong",
     {{{"Hong Kong", "Hong Kong Island", "", "21|23|25|27|28", 8, "4 4", ""}, {}, {}, {}, {}, {}}}},
    {"SG", 2,
     "Wei Ling|Hui Min|Priya|Nur Aisyah|Rachel|Li Ting",
     "Wei Jie|Jun Hao|Arjun|Muhammad Farhan|Darren|Kai Wen",
     "Tan|Lim|Lee|Ng|Ong|Wong|Goh|Chua|Koh|Teo|Nair|Rahman",
     "Nassim Road|Orchard Boulevard|Cuscaden Road|Grange Road|Holland Road|Bukit Timah Road|Marina Boulevard",
     NumberFirst, "gmail.com|singnet.com.sg|yahoo.com.sg",
     "Ms|Mrs|Ms|Mrs|Dr", "Mr|Mr|Mr|Mr|Dr", "en-SG", "65", "", "81|87|91|96|97|98", 8, "4 4", false, "#08-03|#12-01|#21-04",
     {{{"Singapore", "", "2587##|2497##|1019##", "61|62|63|64|65|67|68", 8, "4 4", ""}, {}, {}, {}, {}, {}}}},
    {"AE", 2,
     "Fatima|Aisha|Mariam|Noura|Sara|Layla",
     "Mohammed|Ahmed|Khalid|Omar|Rashid|Saeed|Hamdan",
     "Al Maktoum|Al Mansouri|Al Falasi|Al Suwaidi|Al Qasimi|Haddad|Khoury|Al Hashimi",
     "Street 5|Street 12|Al Wasl Road|Jumeirah Beach Road",
     GulfVilla, "gmail.com|emirates.net.ae|hotmail.com|outlook.com",
     "Ms|Mrs|Ms|Mrs|Dr", "Mr|Mr|Mr|Mr|Dr|Sheikh", "en", "971", "0", "50|52|55|56", 9, "2 3 4", false, "Jumeirah 1|Emirates Hills|Palm Jumeirah|Downtown Dubai",
     {{{"Dubai", "Dubai", "", "42|43|44|45|48", 8, "1 3 4", ""},
       {"Abu Dhabi", "Abu Dhabi", "", "24|26", 8, "1 3 4", ""},
       {}, {}, {}, {}}}},
    {"BR", 1,
     "Ana|Maria|Juliana|Beatriz|Camila|Fernanda|Larissa|Luíza|Gabriela|Letícia",
     "João|Pedro|Lucas|Gabriel|Rafael|Felipe|Thiago|Gustavo|Matheus|Vinícius",
     "Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Ribeiro|Carvalho|Araújo|Magalhães|Guimarães",
     "Rua Oscar Freire|Alameda Lorena|Rua Haddock Lobo|Avenida Paulista|Rua Bela Cintra|Avenida Atlântica|Rua Dias Ferreira",
     NumberComma, "gmail.com|uol.com.br|bol.com.br|terra.com.br",
     "Sra.|Sra.|Sra.|Dra.", "Sr.|Sr.|Sr.|Dr.", "pt-BR", "55", "0", "119", 11, "2 5 4", false, "Apto 82|Apto 121|Cobertura",
     {{{"São Paulo", "SP", "01###-###", "112|113", 10, "2 4 4", ""},
       {"Rio de Janeiro", "RJ", "22###-###", "213", 10, "2 4 4", ""},
       {}, {}, {}, {}}}},
    {"AU", 2,
     "Charlotte|Olivia|Ava|Mia|Isla|Chloe|Matilda|Zoe|Sienna|Harper",
     "Oliver|William|Jack|Noah|Thomas|Lachlan|Hamish|Angus|Cooper|Riley",
     "Smith|Jones|Williams|Brown|Wilson|Taylor|Nguyen|Johnson|Martin|White|Anderson|Walker|Thompson|Kelly|Ryan|Murray|O'Connor",
     "Macleay Street|Wolseley Road|Victoria Road|New South Head Road|Toorak Road|St Kilda Road|Collins Street|Domain Road",
     NumberFirst, "gmail.com|bigpond.com|optusnet.com.au|icloud.com",
     kAngloFemaleTitles, kAngloMaleTitles, "en-AU", "61", "0", "40|41|43", 9, "3 3 3", false, "Unit 4|Level 12|Apartment 1801",
     {{{"Sydney", "NSW", "2011|2027|2028|2030", "29", 9, "1 4 4", ""},
       {"Melbourne", "VIC", "3000|3141|3142", "39", 9, "1 4 4", ""},
       {}, {}, {}, {}}}},
    {"CA", 2,
     "Emma|Olivia|Charlotte|Amélie|Chloé|Sophie|Madison|Avery",
     "Liam|Noah|William|Benjamin|Félix|Gabriel|Ethan|Samuel",
     "Smith|Tremblay|Martin|Roy|Wilson|MacDonald|Gagnon|Johnson|Côté|Bouchard|Taylor|Brown|Campbell|Lee",
     "Bloor Street West|Yorkville Avenue|Avenue Road|Rosedale Road|Rue Sherbrooke Ouest|Avenue du Musée|Point Grey Road",
     NumberFirst, "gmail.com|rogers.com|shaw.ca|videotron.ca|outlook.com",
     kAngloFemaleTitles, kAngloMaleTitles, "en-CA", "1", "1", "", 10, "3 3 4", true, "Suite 1204|Unit 7",
     {{{"Toronto", "ON", "M5R #@#|M4W #@#|M5S #@#", "416N|647N", 10, "", ""},
       {"Montréal", "QC", "H3G #@#|H3H #@#", "514N", 10, "", "fr-CA"},
       {"Vancouver", "BC", "V6J #@#|V6R #@#", "604N", 10, "", ""},
       {}, {}, {}}}},
    {"MC", 1,
     "Camille|Charlotte|Stéphanie|Giulia|Chiara|Hélène",
     "Louis|Pierre|Andrea|Marco|Albert|Guillaume",
     "Boisson|Médecin|Pastor|Campora|Notari|Gastaud|Palmaro|Bertrand|Rossi|Moreau",
     "Avenue Princesse Grace|Boulevard des Moulins|Avenue de la Costa|Boulevard d'Italie|Avenue Saint-Michel",
     NumberFirst, "gmail.com|monaco.mc|orange.fr",
     "Mme|Mme|Mme|Dr", "M.|M.|M.|Dr", "fr-MC", "377", "", "6", 9, "1 2 2 2 2", false, "Le Millefiori|Le Schuylkill|Villa Les Lierres",
     {{{"Monaco", "", "98000", "93|97", 8, "2 2 2 2", ""}, {}, {}, {}, {}, {}}}},
    {"NO", 1,
     "Nora|Emma|Ingrid|Sofie|Maja|Astrid|Kari|Solveig",
     "Jakob|Emil|Henrik|Lars|Ole|Magnus|Håkon|Sindre",
     "Hansen|Johansen|Olsen|Larsen|Andersen|Pedersen|Nilsen|Kristiansen|Jensen|Berg|Haugen|Bakke|Solberg|Lie|Dahl|Ødegård",
     "Bygdøy allé|Frognerveien|Holmenkollveien|Thomas Heftyes gate|Gabels gate|Drammensveien",
     NumberAfter, "gmail.com|online.no|hotmail.no",
     "", "", "nb", "47", "", "40|41|45|46|47|48|90|91|92|93|94|95|97|98|99", 8, "3 2 3", false, "",
     {{{"Oslo", "", "0250|0266|0272|0367", "21|22|23", 8, "2 2 2 2", ""}, {}, {}, {}, {}, {}}}},
}};
// clang-format on

/// A country's lists, split once.
struct CountryLists
{
    QStringList female, male, last, streets, domains, femaleTitles, maleTitles, mobiles, line2;
    QStringList nativeFemale, nativeMale, nativeLast;
    int cityCount = 0;
};

QStringList split(const char *text)
{
    return QString::fromUtf8(text).split(u'|', Qt::SkipEmptyParts);
}

const std::vector<CountryLists> &lists()
{
    static const std::vector<CountryLists> all = [] {
        std::vector<CountryLists> result;
        for (const CountryData &data : kCountries) {
            CountryLists list;
            list.female = split(data.female);
            list.male = split(data.male);
            list.last = split(data.last);
            list.streets = split(data.streets);
            list.domains = split(data.domains);
            list.femaleTitles = split(data.femaleTitles);
            list.maleTitles = split(data.maleTitles);
            list.mobiles = split(data.mobiles);
            list.line2 = split(data.line2);
            list.nativeFemale = split(data.nativeFemale);
            list.nativeMale = split(data.nativeMale);
            list.nativeLast = split(data.nativeLast);
            while (list.cityCount < static_cast<int>(data.cities.size()) && data.cities[list.cityCount].name) {
                ++list.cityCount;
            }
            result.push_back(std::move(list));
        }
        return result;
    }();
    return all;
}

const QString kPostalLetters = QStringLiteral("ABDEFGHJLNPQRSTUWXYZ");

/// Fills a pattern: '#' a digit, '@' a letter, 'N' a digit from 2 to 9.
QString fill(const QString &pattern, SeededRandom &random)
{
    QString out = pattern;
    for (QChar &c : out) {
        if (c == u'#') {
            c = QChar(u'0' + static_cast<char16_t>(random.below(10)));
        } else if (c == u'@') {
            c = kPostalLetters.at(static_cast<qsizetype>(random.below(static_cast<quint64>(kPostalLetters.size()))));
        } else if (c == u'N') {
            c = QChar(u'2' + static_cast<char16_t>(random.below(8)));
        }
    }
    return out;
}

/// A national significant number: a prefix, filled, then random digits up to `length`.
QString nationalNumber(const QString &prefix, int length, SeededRandom &random)
{
    QString digits = fill(prefix, random);
    while (digits.size() < length) {
        digits += QChar(u'0' + static_cast<char16_t>(random.below(10)));
    }
    return digits;
}

QString grouped(const QString &digits, const char *groups)
{
    const QStringList sizes = QString::fromLatin1(groups).split(u' ', Qt::SkipEmptyParts);
    if (sizes.isEmpty()) {
        return digits;
    }
    QStringList parts;
    qsizetype at = 0;
    for (qsizetype i = 0; i < sizes.size() && at < digits.size(); ++i) {
        const qsizetype size = i + 1 == sizes.size() ? digits.size() - at : sizes.at(i).toInt();
        parts << digits.mid(at, size);
        at += size;
    }
    if (at < digits.size()) {
        parts << digits.mid(at);
    }
    return parts.join(u' ');
}

/// How a person wrote the number down: E.164, international with spaces, or national.
QString written(const CountryData &country, const QString &digits, const char *groups, SeededRandom &random)
{
    const QString cc = QString::fromLatin1(country.callingCode);
    const int style = static_cast<int>(random.below(20));
    if (country.northAmerican) {
        const QString area = digits.left(3);
        const QString local = digits.mid(3, 3) + u'-' + digits.mid(6);
        if (style < 9) {
            return u'+' + cc + digits;
        }
        if (style < 15) {
            return QStringLiteral("+1 ") + area + u' ' + local;
        }
        return u'(' + area + QStringLiteral(") ") + local;
    }
    if (style < 9) {
        return u'+' + cc + digits;
    }
    if (style < 16) {
        return u'+' + cc + u' ' + grouped(digits, groups);
    }
    return QString::fromLatin1(country.trunk) + grouped(digits, groups);
}

QString asciiFolded(const QString &text)
{
    QString folded;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        }
        switch (c.unicode()) {
        case u'ß':
            folded += QStringLiteral("ss");
            break;
        case u'ø':
        case u'Ø':
            folded += u'o';
            break;
        case u'æ':
        case u'Æ':
            folded += QStringLiteral("ae");
            break;
        case u'œ':
            folded += QStringLiteral("oe");
            break;
        case u'ł':
            folded += u'l';
            break;
        default:
            if (c.isLetterOrNumber() && c.unicode() < 128) {
                folded += c.toLower();
            }
        }
    }
    return folded;
}

/// A mistyped domain that still looks like an address: mail to it bounces.
QString typoDomain(const QString &domain, SeededRandom &random)
{
    if (domain == u"gmail.com") {
        static const QStringList typos = {QStringLiteral("gmail.con"), QStringLiteral("gmial.com"),
                                          QStringLiteral("gmai.com"), QStringLiteral("gmail.co")};
        return random.pick(typos);
    }
    if (domain.endsWith(u".com")) {
        return domain.chopped(1) + u'n';
    }
    // Drop a letter from the name part: "orange.fr" → "orang.fr".
    const qsizetype dot = domain.indexOf(u'.');
    return dot > 2 ? domain.left(dot - 1) + domain.mid(dot) : domain + QStringLiteral(".cm");
}

/// Ways people get an address wrong so that it is not an address at all.
QString brokenEmail(const QString &local, const QString &domain, SeededRandom &random)
{
    switch (random.below(6)) {
    case 0:
        return local + domain; // the @ forgotten
    case 1: {
        const qsizetype dot = local.indexOf(u'.');
        const QString doubled = dot > 0 ? QString(local.left(dot) + QStringLiteral("..") + local.mid(dot + 1))
                                        : QString(local + QStringLiteral(".."));
        return doubled + u'@' + domain;
    }
    case 2: {
        QString spaced = local;
        spaced.replace(u'.', u' ');
        return (spaced == local ? QString(local + QStringLiteral(" ")) : spaced) + u'@' + domain;
    }
    case 3: {
        QString comma = domain;
        comma.replace(comma.lastIndexOf(u'.'), 1, u',');
        return local + u'@' + comma;
    }
    case 4:
        return local + QStringLiteral(".@") + domain;
    default:
        return local + u'@' + local + u'@' + domain;
    }
}

} // namespace

int People::countryCount()
{
    return static_cast<int>(kCountries.size());
}

const std::vector<int> &People::countryWeights()
{
    static const std::vector<int> weights = [] {
        std::vector<int> list;
        for (const CountryData &data : kCountries) {
            list.push_back(data.weight);
        }
        return list;
    }();
    return weights;
}

QString People::countryCode(int country)
{
    return QString::fromLatin1(kCountries[static_cast<std::size_t>(country)].code);
}

QString People::mobileNumber(int country, SeededRandom &random)
{
    const CountryData &data = kCountries[static_cast<std::size_t>(country)];
    const CountryLists &list = lists()[static_cast<std::size_t>(country)];
    QString digits;
    if (data.northAmerican) {
        // North American numbers do not tell mobiles from landlines: any local number.
        const CityData &city = data.cities[random.below(static_cast<quint64>(list.cityCount))];
        digits = nationalNumber(random.pick(split(city.landlines)), city.landlineLength, random);
    } else {
        const QString prefix = random.pick(list.mobiles);
        // Germany's mobile numbers are 10 or 11 digits depending on the network.
        const int length =
            data.mobileLength > 0 ? data.mobileLength : (prefix.startsWith(u"15") || prefix == u"176" ? 11 : 10);
        digits = nationalNumber(prefix, length, random);
    }
    return u'+' + QString::fromLatin1(data.callingCode) + digits;
}

QString People::landlineNumber(int country, SeededRandom &random, int cityIndex)
{
    const CountryData &data = kCountries[static_cast<std::size_t>(country)];
    const CountryLists &list = lists()[static_cast<std::size_t>(country)];
    const int index = cityIndex >= 0 ? cityIndex : static_cast<int>(random.below(static_cast<quint64>(list.cityCount)));
    const CityData &city = data.cities[static_cast<std::size_t>(index)];
    return u'+' + QString::fromLatin1(data.callingCode) +
           nationalNumber(random.pick(split(city.landlines)), city.landlineLength, random);
}

Person People::make(int countryIndex, int anchorYear, SeededRandom &random)
{
    const CountryData &data = kCountries[static_cast<std::size_t>(countryIndex)];
    const CountryLists &list = lists()[static_cast<std::size_t>(countryIndex)];
    Person person;
    person.country = QString::fromLatin1(data.code);

    const int genderRoll = static_cast<int>(random.below(100));
    person.gender = genderRoll < 48   ? QStringLiteral("female")
                    : genderRoll < 96 ? QStringLiteral("male")
                    : genderRoll < 97 ? QStringLiteral("other")
                                      : QString();
    const bool female = person.gender == u"female" || (person.gender != u"male" && random.chance(500));
    QString romanFirst = random.pick(female ? list.female : list.male);
    QString romanLast = random.pick(list.last);
    person.firstName = romanFirst;
    person.lastName = romanLast;
    if (data.nativePermille > 0 && random.chance(data.nativePermille)) {
        // Written in the customer's own script; the address was made of the romanisation.
        const QStringList first = random.pick(female ? list.nativeFemale : list.nativeMale).split(u'=');
        const QStringList last = random.pick(list.nativeLast).split(u'=');
        person.firstName = first.at(0);
        romanFirst = first.at(1);
        person.lastName = last.at(0);
        romanLast = last.at(1);
    }
    if (!person.gender.isEmpty()) {
        const QStringList &titles = person.gender == u"other" ? QStringList{QStringLiteral("Mx")}
                                    : female                  ? list.femaleTitles
                                                              : list.maleTitles;
        person.title = titles.isEmpty() ? QString() : random.pick(titles);
    }

    // Ages: most collectors are between 45 and 75.
    static const std::vector<int> ageWeights = {10, 15, 22, 25, 18, 10};
    static const int ageFrom[] = {25, 35, 45, 55, 65, 75};
    static const int ageSpan[] = {10, 10, 10, 10, 10, 16};
    if (!random.chance(80)) {
        const int bracket = random.weighted(ageWeights);
        const int age = ageFrom[bracket] + static_cast<int>(random.below(static_cast<quint64>(ageSpan[bracket])));
        const QDate birth = QDate(anchorYear - age, 1, 1).addDays(static_cast<qint64>(random.below(365)));
        person.birthDate = birth.toString(Qt::ISODate);
    }

    const int cityIndex = static_cast<int>(random.below(static_cast<quint64>(list.cityCount)));
    const CityData &city = data.cities[static_cast<std::size_t>(cityIndex)];
    person.city = QString::fromUtf8(city.name);
    person.region = QString::fromUtf8(city.region);
    const QStringList postalCodes = split(city.postal);
    if (!postalCodes.isEmpty()) { // Hong Kong and the Emirates have none
        person.postalCode = fill(random.pick(postalCodes), random);
    }
    person.language = QString::fromLatin1(city.language[0] ? city.language : data.language);
    if (person.country == u"HK" && random.chance(400)) {
        person.language = QStringLiteral("en");
    } else if (person.country == u"AE" && random.chance(400)) {
        person.language = QStringLiteral("ar");
    }
    const QString street = random.pick(list.streets);
    const int number = 1 + static_cast<int>(random.below(random.chance(700) ? 60 : 240));
    switch (data.style) {
    case NumberFirst:
        person.addressLine1 = QString::number(number) + u' ' + street;
        break;
    case NumberAfter:
        person.addressLine1 = street + u' ' + QString::number(number);
        break;
    case NumberComma:
        person.addressLine1 = street + QStringLiteral(", ") + QString::number(number);
        break;
    case Japanese:
        person.addressLine1 =
            QStringLiteral("%1-%2-%3 ").arg(1 + random.below(6)).arg(1 + random.below(20)).arg(1 + random.below(30)) +
            street;
        break;
    case ChineseRoom:
        person.addressLine1 = QStringLiteral("Room %1%2, %3 ")
                                  .arg(1 + random.below(32))
                                  .arg(random.below(9) + 1, 2, 10, QLatin1Char('0'))
                                  .arg(number) +
                              street;
        break;
    case HongKongFlat:
        person.addressLine1 = QStringLiteral("Flat %1%2, %3 ")
                                  .arg(1 + random.below(40))
                                  .arg(QChar(u'A' + static_cast<char16_t>(random.below(6))))
                                  .arg(number) +
                              street;
        break;
    case GulfVilla:
        person.addressLine1 = QStringLiteral("Villa %1, ").arg(number) + street;
        break;
    }
    const bool needsLine2 = data.style == HongKongFlat || data.style == GulfVilla;
    if (!list.line2.isEmpty() && (needsLine2 || random.chance(250))) {
        person.addressLine2 = random.pick(list.line2);
    }

    // Trade buyers, dealers and a few institutions buy in a company's name.
    const QString foldedFirst = asciiFolded(romanFirst);
    const QString foldedLast = asciiFolded(romanLast);
    QString domain = random.pick(list.domains);
    if (random.chance(80)) {
        static const QStringList forms = {QStringLiteral("%1 Fine Art Ltd"),   QStringLiteral("Galerie %1"),
                                          QStringLiteral("%1 & Co. Antiques"), QStringLiteral("%1 Collection Trust"),
                                          QStringLiteral("%1 Museum of Art"),  QStringLiteral("%1 Partners")};
        const int form = static_cast<int>(random.below(static_cast<quint64>(forms.size())));
        person.company = forms.at(form).arg(form == 4 ? person.city : romanLast);
        domain = asciiFolded(form == 4 ? person.city : romanLast) +
                 (form == 4 ? QStringLiteral("museum.org") : QStringLiteral("art.com"));
    }

    QString local;
    switch (random.below(10)) {
    case 0:
    case 1:
    case 2:
        local = foldedFirst + u'.' + foldedLast;
        break;
    case 3:
        local = foldedFirst.left(1) + foldedLast;
        break;
    case 4:
        local = foldedFirst + foldedLast;
        break;
    case 5:
        local = foldedFirst + u'_' + foldedLast;
        break;
    case 6:
    case 7:
        local = foldedFirst + u'.' + foldedLast + QString::number(10 + random.below(90));
        break;
    case 8:
        local = foldedFirst +
                (person.birthDate.isEmpty() ? QString::number(random.below(100)) : person.birthDate.mid(2, 2));
        break;
    default:
        local = foldedLast + u'.' + foldedFirst;
        break;
    }
    if (local.isEmpty() || local.startsWith(u'.')) {
        local = QStringLiteral("collector") + QString::number(random.below(10000));
    }
    const int emailRoll = static_cast<int>(random.below(1000));
    if (emailRoll < 30) {
        person.emailKind = EmailKind::Missing;
    } else if (emailRoll < 65) {
        person.emailKind = EmailKind::Invalid;
        person.email = brokenEmail(local, domain, random);
    } else if (emailRoll < 85) {
        person.emailKind = EmailKind::Undeliverable;
        person.email = local + u'@' + typoDomain(domain, random);
    } else {
        person.email = local + u'@' + domain;
    }

    const int phoneRoll = static_cast<int>(random.below(100));
    person.phoneKind = phoneRoll < 52   ? PhoneKind::MobileOnly
                       : phoneRoll < 76 ? PhoneKind::Both
                       : phoneRoll < 88 ? PhoneKind::LandlineOnly
                       : phoneRoll < 91 ? PhoneKind::LandlineAsSms
                       : phoneRoll < 95 ? PhoneKind::Invalid
                                        : PhoneKind::Missing;
    const auto writtenNumber = [&](const QString &e164, bool mobile) {
        const QString digits = e164.mid(1 + static_cast<qsizetype>(qstrlen(data.callingCode)));
        return written(data, digits,
                       mobile ? data.mobileGroups : (city.landlineGroups[0] ? city.landlineGroups : data.mobileGroups),
                       random);
    };
    switch (person.phoneKind) {
    case PhoneKind::MobileOnly: {
        person.phone = writtenNumber(mobileNumber(countryIndex, random), true);
        person.smsNumber = person.phone;
        break;
    }
    case PhoneKind::Both:
        person.phone = writtenNumber(landlineNumber(countryIndex, random, cityIndex), false);
        person.smsNumber = writtenNumber(mobileNumber(countryIndex, random), true);
        break;
    case PhoneKind::LandlineOnly:
        person.phone = writtenNumber(landlineNumber(countryIndex, random, cityIndex), false);
        break;
    case PhoneKind::LandlineAsSms:
        person.phone = writtenNumber(landlineNumber(countryIndex, random, cityIndex), false);
        person.smsNumber = person.phone;
        break;
    case PhoneKind::Invalid:
        // Digits lost in the typing: too short to be any number.
        person.phone = mobileNumber(countryIndex, random).chopped(4);
        if (random.chance(500)) {
            person.smsNumber = person.phone;
        }
        break;
    case PhoneKind::Missing:
        break;
    }
    return person;
}

} // namespace Gavel::Models::Demo
