using Comptoir.Features.Organisation;
using Comptoir.Features.Sites;
using Comptoir.Platform.Localization;

namespace Comptoir.Features.DemoData;

/// <summary>
/// The organisation as the group describes it: 9 countries, the store formats, the departments of a
/// hypermarket, the six activities of the customer service centre with their daily volumes, and the five
/// service sites (114 in-house advisors, 386 at three outsourcing partners).
/// </summary>
internal static class OrganisationCatalog
{
    public static IReadOnlyList<Country> Countries() =>
    [
        new() { Code = "FR", Name = new("France", "France"), DefaultCulture = "fr-FR", TimeZoneId = "Europe/Paris", CurrencyCode = "EUR", CallingCode = "33" },
        new() { Code = "ES", Name = new("Espagne", "Spain"), DefaultCulture = "es-ES", TimeZoneId = "Europe/Madrid", CurrencyCode = "EUR", CallingCode = "34" },
        new() { Code = "IT", Name = new("Italie", "Italy"), DefaultCulture = "it-IT", TimeZoneId = "Europe/Rome", CurrencyCode = "EUR", CallingCode = "39" },
        new() { Code = "BE", Name = new("Belgique", "Belgium"), DefaultCulture = "fr-BE", TimeZoneId = "Europe/Brussels", CurrencyCode = "EUR", CallingCode = "32" },
        new() { Code = "PL", Name = new("Pologne", "Poland"), DefaultCulture = "pl-PL", TimeZoneId = "Europe/Warsaw", CurrencyCode = "PLN", CallingCode = "48" },
        new() { Code = "RO", Name = new("Roumanie", "Romania"), DefaultCulture = "ro-RO", TimeZoneId = "Europe/Bucharest", CurrencyCode = "RON", CallingCode = "40" },
        new() { Code = "BR", Name = new("Brésil", "Brazil"), DefaultCulture = "pt-BR", TimeZoneId = "America/Sao_Paulo", CurrencyCode = "BRL", CallingCode = "55" },
        new() { Code = "AR", Name = new("Argentine", "Argentina"), DefaultCulture = "es-AR", TimeZoneId = "America/Argentina/Buenos_Aires", CurrencyCode = "ARS", CallingCode = "54" },
        new() { Code = "TW", Name = new("Taïwan", "Taiwan"), DefaultCulture = "zh-TW", TimeZoneId = "Asia/Taipei", CurrencyCode = "TWD", CallingCode = "886" },
    ];

    public static IReadOnlyList<StoreFormat> Formats() =>
    [
        new() { Code = "HYPER", Name = new("Hypermarché", "Hypermarket") },
        new() { Code = "SUPER", Name = new("Supermarché", "Supermarket") },
        new() { Code = "PROXI", Name = new("Magasin de proximité", "Convenience store") },
        new() { Code = "DRIVE", Name = new("Drive", "Click and collect") },
    ];

    public static IReadOnlyList<Department> Departments() =>
    [
        Department(1, "BAKERY", "Boulangerie-pâtisserie", "Bakery", fresh: true),
        Department(2, "BUTCHERY", "Boucherie", "Butchery", fresh: true),
        Department(3, "FISH", "Poissonnerie", "Fish counter", fresh: true),
        Department(4, "FRUIT_VEG", "Fruits et légumes", "Fruit and vegetables", fresh: true),
        Department(5, "CHEESE", "Crèmerie-fromagerie", "Dairy and cheese", fresh: true),
        Department(6, "DELI", "Traiteur-charcuterie", "Delicatessen", fresh: true),
        Department(7, "GROCERY", "Épicerie", "Grocery", fresh: false),
        Department(8, "DRINKS", "Liquides", "Drinks", fresh: false),
        Department(9, "HOME", "Bazar", "Household goods", fresh: false),
        Department(10, "TEXTILE", "Textile", "Clothing", fresh: false),
        Department(11, "ELECTRONICS", "Électroménager et multimédia", "Appliances and electronics", fresh: false),
        Department(12, "CHECKOUTS", "Caisses", "Checkouts", fresh: false),
        Department(13, "CUSTOMER_DESK", "Accueil et service client", "Customer desk", fresh: false),
        Department(14, "LOGISTICS", "Logistique et réception", "Logistics and receiving", fresh: false),
        Department(15, "DRIVE", "Drive", "Click and collect", fresh: false),
        Department(16, "FUEL", "Station-service", "Fuel station", fresh: false),
    ];

    /// <summary>Per day: 12,000 switchboard calls; 8,000 contacts on e-commerce and the store card; 2,000 on fuel, consumer service and car rental.</summary>
    public static IReadOnlyList<Activity> Activities() =>
    [
        new() { Code = "SWITCHBOARD", Name = new("Standard des hypermarchés", "Hypermarket switchboards"), TypicalDailyContacts = 12_000 },
        new() { Code = "ECOMMERCE", Name = new("E-commerce", "E-commerce"), TypicalDailyContacts = 6_000 },
        new() { Code = "STORE_CARD", Name = new("Carte de paiement", "Store credit card"), TypicalDailyContacts = 2_000 },
        new() { Code = "FUEL", Name = new("Carburant", "Fuel"), TypicalDailyContacts = 700 },
        new() { Code = "CONSUMER", Name = new("Service consommateurs", "Consumer service"), TypicalDailyContacts = 900 },
        new() { Code = "CAR_RENTAL", Name = new("Location de véhicules", "Car rental"), TypicalDailyContacts = 400 },
    ];

    public sealed record SiteSpec(string Code, string Name, string City, string CountryCode, string TimeZoneId, string? Partner, int Seats, string[] Activities, NamePool Names);

    public static IReadOnlyList<SiteSpec> Sites() =>
    [
        new("EVRY", "Évry", "Évry-Courcouronnes", "FR", "Europe/Paris", null, 64, ["SWITCHBOARD", "ECOMMERCE", "STORE_CARD", "FUEL", "CONSUMER", "CAR_RENTAL"], NamePool.French),
        new("SAINT_ETIENNE", "Saint-Étienne", "Saint-Étienne", "FR", "Europe/Paris", null, 50, ["SWITCHBOARD", "ECOMMERCE", "STORE_CARD", "FUEL", "CONSUMER", "CAR_RENTAL"], NamePool.French),
        new("TUNIS", "Tunis (Armatis)", "Tunis", "TN", "Africa/Tunis", "Armatis", 150, ["SWITCHBOARD", "ECOMMERCE", "STORE_CARD"], NamePool.Tunisian),
        new("ANTANANARIVO", "Antananarivo (Comdata)", "Antananarivo", "MG", "Indian/Antananarivo", "Comdata", 126, ["SWITCHBOARD", "ECOMMERCE", "CONSUMER"], NamePool.Malagasy),
        new("DAKAR", "Dakar (Webhelp)", "Dakar", "SN", "Africa/Dakar", "Webhelp", 110, ["SWITCHBOARD", "ECOMMERCE", "FUEL", "CAR_RENTAL"], NamePool.Senegalese),
    ];

    public sealed record ForeignStore(string CountryCode, string Label, string City, string PostalCode, string Address);

    /// <summary>A few hypermarkets in each other country, so that every country has stores, a director and digests.</summary>
    public static IReadOnlyList<ForeignStore> ForeignHypermarkets() =>
    [
        new("ES", "Madrid Alcobendas", "Alcobendas", "28108", "Calle de la Marquesa Viuda de Aldama"),
        new("ES", "Barcelona Glòries", "Barcelona", "08018", "Avinguda Diagonal 208"),
        new("ES", "Valencia Campanar", "Valencia", "46015", "Avenida Pío XII"),
        new("IT", "Milano Assago", "Assago", "20057", "Via Roma 1"),
        new("IT", "Torino Collegno", "Collegno", "10093", "Corso Francia 80"),
        new("IT", "Roma Casalbertone", "Roma", "00159", "Via Pietro l'Eremita"),
        new("BE", "Bruxelles Anderlecht", "Anderlecht", "1070", "Boulevard Sylvain Dupuis"),
        new("BE", "Liège Belle-Île", "Liège", "4020", "Quai des Vennes"),
        new("PL", "Warszawa Targówek", "Warszawa", "03-289", "ul. Głębocka 15"),
        new("PL", "Kraków Czyżyny", "Kraków", "31-587", "al. Pokoju 67"),
        new("RO", "București Militari", "București", "061344", "Bulevardul Iuliu Maniu"),
        new("RO", "Cluj-Napoca Iulius", "Cluj-Napoca", "400000", "Strada Alexandru Vaida Voevod"),
        new("BR", "São Paulo Pinheiros", "São Paulo", "05425-070", "Rua Teodoro Sampaio"),
        new("BR", "Rio de Janeiro Barra", "Rio de Janeiro", "22640-100", "Avenida das Américas"),
        new("AR", "Buenos Aires Palermo", "Buenos Aires", "C1425", "Avenida Santa Fe"),
        new("AR", "Córdoba Nuevo Centro", "Córdoba", "X5000", "Avenida Duarte Quirós"),
        new("TW", "Taipei Neihu", "Taipei", "114", "Jiuzong Road"),
        new("TW", "Kaohsiung Dingshan", "Kaohsiung", "807", "Zhonghua 1st Road"),
    ];

    private static Department Department(int order, string code, string fr, string en, bool fresh) =>
        new() { Code = code, Name = new LocalizedText(fr, en), IsFreshTrade = fresh, SortOrder = order };

    public static ServiceSite ToSite(SiteSpec spec, IReadOnlyDictionary<string, Activity> activities) => new()
    {
        Code = spec.Code,
        Name = spec.Name,
        City = spec.City,
        LocationCountryCode = spec.CountryCode,
        TimeZoneId = spec.TimeZoneId,
        PartnerName = spec.Partner,
        PlannedAdvisorSeats = spec.Seats,
        Activities = [.. spec.Activities.Select(code => new SiteActivity { Activity = activities[code] })],
    };
}
