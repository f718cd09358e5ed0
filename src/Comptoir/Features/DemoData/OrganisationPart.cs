using System.Globalization;
using Comptoir.Features.Organisation;
using Comptoir.Features.Staff;
using Comptoir.Features.Stores;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Comptoir.Features.DemoData;

/// <summary>
/// Countries, formats, departments, activities, service sites, stores and their staff. At full scale: the
/// 230 French hypermarkets with a director each, and the 500 advisors of the five sites.
/// </summary>
internal sealed class OrganisationPart(IPasswordHasher<StaffMember> hasher, ILookupNormalizer normalizer) : IDemoDataPart
{
    private const int SmallFrenchStores = 12;
    private const int SmallAdvisorsPerSite = 3;
    private const int AdvisorsPerSupervisor = 15;

    private static readonly string[] SmallManagedDepartments = ["BAKERY", "FRUIT_VEG", "CHECKOUTS", "CUSTOMER_DESK"];

    private static readonly string[] FullManagedDepartments =
        ["BAKERY", "BUTCHERY", "FISH", "FRUIT_VEG", "CHEESE", "DELI", "CHECKOUTS", "CUSTOMER_DESK", "LOGISTICS", "DRIVE"];

    private static readonly Dictionary<string, string> DepartmentMailbox = new()
    {
        ["BAKERY"] = "boulangerie",
        ["BUTCHERY"] = "boucherie",
        ["FISH"] = "poissonnerie",
        ["FRUIT_VEG"] = "fruits-legumes",
        ["CHEESE"] = "cremerie",
        ["DELI"] = "traiteur",
        ["CHECKOUTS"] = "caisses",
        ["CUSTOMER_DESK"] = "accueil",
        ["LOGISTICS"] = "logistique",
        ["DRIVE"] = "drive",
    };

    public int Order => 0;

    public string Name => "organisation";

    public async Task<string> GenerateAsync(DemoDataRun run, CancellationToken cancellationToken)
    {
        var random = run.RandomFor(Name);
        var db = run.Db;

        var countries = OrganisationCatalog.Countries();
        var formats = OrganisationCatalog.Formats();
        var departments = OrganisationCatalog.Departments();
        var activities = OrganisationCatalog.Activities();
        db.AddRange(countries);
        db.AddRange(formats);
        db.AddRange(departments);
        db.AddRange(activities);

        var activityByCode = activities.ToDictionary(a => a.Code);
        var siteSpecs = OrganisationCatalog.Sites();
        var sites = siteSpecs.Select(spec => OrganisationCatalog.ToSite(spec, activityByCode)).ToList();
        db.AddRange(sites);

        var countryByCode = countries.ToDictionary(c => c.Code);
        var hyper = formats.Single(f => f.Code == "HYPER");
        var stores = FrenchHypermarkets(run.Scale, countryByCode["FR"], hyper, departments)
            .Concat(ForeignHypermarkets(run.Scale, countryByCode, hyper, departments))
            .ToList();
        db.AddRange(stores);
        await db.SaveChangesAsync(cancellationToken);

        var staff = new StaffFactory(hasher.HashPassword(null!, DemoAccounts.Password), normalizer, random, run.Now);
        staff.Add("admin", "Administration Comptoir", StaffRole.Administrator);
        foreach (var country in countries)
        {
            staff.Add($"direction.{country.Code.ToLowerInvariant()}", NamePool.ForCountry(country.Code).Draw(random), StaffRole.CountryExecutive, countryId: country.Id);
        }

        staff.Add("communaute.fr", NamePool.French.Draw(random), StaffRole.CommunityManager, countryId: countryByCode["FR"].Id);

        // Product teams that own causes (Cause.OwningTeam) and act when one of theirs is in the day's top 5.
        foreach (var (mailbox, team) in DemoAccounts.ProductTeams)
        {
            staff.Add(mailbox, NamePool.French.Draw(random), StaffRole.CountryExecutive, countryId: countryByCode["FR"].Id).Team = team;
        }

        var managed = run.Scale == DemoScale.Small ? SmallManagedDepartments : FullManagedDepartments;
        var departmentByCode = departments.ToDictionary(d => d.Code);
        foreach (var store in stores)
        {
            var code = store.Code.ToLowerInvariant();
            var countryCode = countries.Single(c => c.Id == store.CountryId).Code;
            var names = NamePool.ForCountry(countryCode);
            var director = staff.Add($"directeur.{code}", names.Draw(random), StaffRole.StoreDirector, storeId: store.Id, countryId: store.CountryId);
            if (countryCode == "FR")
            {
                // 06 39 98 xx xx is the mobile range the French regulator reserves for fiction.
                director.PhoneNumber = "+33639980" + store.Code[1..];
            }

            foreach (var departmentCode in managed)
            {
                staff.Add($"{DepartmentMailbox[departmentCode]}.{code}", names.Draw(random), StaffRole.DepartmentManager,
                    storeId: store.Id, countryId: store.CountryId, departmentId: departmentByCode[departmentCode].Id);
            }
        }

        foreach (var (spec, site) in siteSpecs.Zip(sites))
        {
            var mailbox = SearchKey.Normalize(spec.Code.Replace('_', ' ')).Replace(' ', '-');
            var advisors = run.Scale == DemoScale.Small ? SmallAdvisorsPerSite : spec.Seats;
            var supervisors = (advisors + AdvisorsPerSupervisor - 1) / AdvisorsPerSupervisor;
            staff.Add($"responsable.{mailbox}", spec.Names.Draw(random), StaffRole.SiteManager, siteId: site.Id);
            for (var i = 1; i <= supervisors; i++)
            {
                staff.Add($"superviseur{Rank(i)}.{mailbox}", spec.Names.Draw(random), StaffRole.Supervisor, siteId: site.Id);
            }

            for (var i = 1; i <= advisors; i++)
            {
                staff.Add($"conseiller{Rank(i)}.{mailbox}", spec.Names.Draw(random), StaffRole.Advisor, siteId: site.Id);
            }
        }

        db.AddRange(staff.Members);
        await db.SaveChangesAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"{countries.Count} countries, {stores.Count} stores, {sites.Count} service sites, {staff.Members.Count} staff accounts");
    }

    /// <summary>The first of a kind has the plain mailbox (conseiller.tunis), the next ones a number (conseiller2.tunis).</summary>
    private static string Rank(int i) => i == 1 ? "" : i.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<Store> FrenchHypermarkets(DemoScale scale, Country france, StoreFormat hyper, IReadOnlyList<Department> departments)
    {
        var rows = FrenchHypermarketList.Read();
        var picked = scale == DemoScale.Full
            ? Enumerable.Range(0, rows.Count)
            : Enumerable.Range(0, SmallFrenchStores).Select(i => i * rows.Count / SmallFrenchStores);
        foreach (var index in picked)
        {
            var row = rows[index];
            var number = (index + 1).ToString("000", CultureInfo.InvariantCulture);
            yield return NewStore($"H{number}", row.Label, row.City, row.PostalCode, row.Address, france, hyper, departments, "+33199000" + number);
        }
    }

    private static IEnumerable<Store> ForeignHypermarkets(DemoScale scale, Dictionary<string, Country> countries, StoreFormat hyper, IReadOnlyList<Department> departments) =>
        OrganisationCatalog.ForeignHypermarkets()
            .GroupBy(s => s.CountryCode)
            .SelectMany(group => group
                .Take(scale == DemoScale.Full ? int.MaxValue : 1)
                .Select((s, i) =>
                {
                    var country = countries[s.CountryCode];
                    var number = (i + 1).ToString("00", CultureInfo.InvariantCulture);
                    return NewStore($"{s.CountryCode}{number}", s.Label, s.City, s.PostalCode, s.Address, country, hyper, departments,
                        $"+{country.CallingCode}2000000{number}");
                }));

    private static Store NewStore(string code, string label, string city, string postalCode, string address, Country country, StoreFormat format, IReadOnlyList<Department> departments, string switchboard) => new()
    {
        Code = code,
        Slug = SearchKey.Normalize(label).Replace(' ', '-'),
        Name = $"Hypermarché {label}",
        Format = format,
        Country = country,
        AddressLine = address,
        PostalCode = postalCode,
        City = city,
        TimeZoneId = country.TimeZoneId,
        SwitchboardPhone = switchboard,
        Departments = [.. departments.Select(d => new StoreDepartment { Department = d })],
    };

    /// <summary>Builds accounts with one shared password hash: hashing is deliberately slow, and demo accounts share a password.</summary>
    private sealed class StaffFactory(string passwordHash, ILookupNormalizer normalizer, Random random, DateTimeOffset now)
    {
        public List<StaffMember> Members { get; } = [];

        public StaffMember Add(string mailbox, string name, StaffRole role, int? siteId = null, int? storeId = null, int? countryId = null, int? departmentId = null)
        {
            var email = $"{mailbox}@{DemoAccounts.Domain}";
            var member = new StaffMember
            {
                DisplayName = name,
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Stamp(),
                ConcurrencyStamp = Stamp(),
                LockoutEnabled = true,
                Role = role,
                SiteId = siteId,
                StoreId = storeId,
                CountryId = countryId,
                DepartmentId = departmentId,
                CreatedAt = now.AddDays(-random.Next(30, 900)),
            };
            Members.Add(member);
            return member;
        }

        private string Stamp()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return Convert.ToHexString(bytes);
        }
    }
}
