using System.Globalization;
using Comptoir.Features.ServiceLevels;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>Public holidays and closures of a year, on which service-level clocks stop.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class ClosedDaysModel(ComptoirDbContext db, MoveDeadlines deadlines, TimeProvider time, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Saved { get; set; }

    [BindProperty]
    public DayForm Form { get; set; } = new();

    public IReadOnlyList<ListClosedDays.Day> Days { get; private set; } = [];

    /// <summary>Where a day can be closed: countries (public holidays) and service sites, as "country:FR" or "site:3".</summary>
    public IReadOnlyList<(string Value, string Label)> Places { get; private set; } = [];

    public int ShownYear => Year ?? time.GetUtcNow().Year;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var request = new AddClosedDay.Request { Date = Form.Date, Name = Form.Name ?? "" };
        if (!string.IsNullOrWhiteSpace(Form.StoreCode))
        {
            var code = Form.StoreCode.Trim();
            request.StoreId = await db.Stores.Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken) ?? -1;
        }
        else if (Form.Place?.Split(':') is ["country", var country])
        {
            request.CountryCode = country;
        }
        else if (Form.Place?.Split(':') is ["site", var site] && int.TryParse(site, CultureInfo.InvariantCulture, out var siteId))
        {
            request.SiteId = siteId;
        }

        var (day, errors) = await AddClosedDay.ExecuteAsync(db, deadlines, t, request, cancellationToken);
        if (day is not null)
        {
            Saved = t["Jour fermé enregistré."];
            return RedirectToPage(new { year = day.Date.Year });
        }

        ModelState.AddErrors(nameof(Form), errors.ToDictionary(e => e.Key is nameof(AddClosedDay.Request.CountryCode) or nameof(AddClosedDay.Request.SiteId) ? nameof(DayForm.Place) : e.Key is nameof(AddClosedDay.Request.StoreId) ? nameof(DayForm.StoreCode) : e.Key, e => e.Value));
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostHolidaysAsync(string country, CancellationToken cancellationToken)
    {
        var (added, errors) = await AddPublicHolidays.ExecuteAsync(db, deadlines, t, new AddPublicHolidays.Request(country, ShownYear), cancellationToken);
        Saved = added is { } count ? t["{0} jours fériés ajoutés.", count] : string.Join(" ", errors.Values.SelectMany(v => v));
        return RedirectToPage(new { year = ShownYear });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await DeleteClosedDay.ExecuteAsync(db, deadlines, id, cancellationToken))
        {
            return NotFound();
        }

        Saved = t["Jour rouvert."];
        return RedirectToPage(new { year = ShownYear });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Days = await ListClosedDays.QueryAsync(db, ShownYear, cancellationToken);
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);
        var sites = await db.ServiceSites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.LocationCountryCode }).ToListAsync(cancellationToken);
        Places =
        [
            .. countries.Union(sites.Select(s => s.LocationCountryCode)).Order().Select(c => ($"country:{c}", t["Pays {0} (jour férié)", c].Value)),
            .. sites.Select(s => (string.Create(CultureInfo.InvariantCulture, $"site:{s.Id}"), t["Site {0}", s.Name].Value)),
        ];
    }

    public sealed class DayForm
    {
        public DateOnly? Date { get; set; }

        public string? Name { get; set; }

        public string? Place { get; set; }

        /// <summary>A store's code, for a closure of that store only; takes precedence over <see cref="Place"/>.</summary>
        public string? StoreCode { get; set; }
    }
}
