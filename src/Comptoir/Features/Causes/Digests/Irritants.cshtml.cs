using System.Globalization;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// The morning's top irritants of the reader's scope (the group, or their country), earlier days by date,
/// the owning team's action on each, and the e-mail subscription to the scope's digest.
/// </summary>
public sealed class IrritantsModel(ComptoirDbContext db, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    public sealed record ScopeChoice(CauseScope Scope, int ScopeId, string Name);

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true, Name = "portee")]
    public CauseScope? AskedScope { get; set; }

    [BindProperty(SupportsGet = true, Name = "pays")]
    public int? AskedCountry { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public CauseScope Scope { get; private set; }

    public int ScopeId { get; private set; }

    public IReadOnlyList<ScopeChoice> Choices { get; private set; } = [];

    public GetDigest.Response? Digest { get; private set; }

    public DateOnly? Day { get; private set; }

    public IReadOnlyList<ListDigests.Row> Earlier { get; private set; } = [];

    public bool Subscribed { get; private set; }

    /// <summary>The current action of each cause the reader may edit, by cause.</summary>
    public IReadOnlyDictionary<int, CauseAction?> Editable { get; private set; } = new Dictionary<int, CauseAction?>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = StaffScope.Of(User);
        if (!await ChooseScopeAsync(reader, cancellationToken))
        {
            return NotFound();
        }

        if (Date is not null)
        {
            if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return NotFound();
            }

            Day = day;
        }

        if (await GetDigest.FindAsync(db, reader, Scope, ScopeId, Day, cancellationToken) is { } id)
        {
            Digest = await GetDigest.QueryAsync(db, reader, id, cancellationToken);
        }

        Earlier = await ListDigests.QueryAsync(db, reader, Scope, ScopeId, null, 30, cancellationToken);
        Subscribed = await db.DigestSubscriptions.AnyAsync(s => s.StaffMemberId == reader.StaffId && s.Scope == Scope && s.ScopeId == ScopeId, cancellationToken);
        if (Digest is not null)
        {
            var ids = Digest.Entries.Select(e => e.CauseId).ToList();
            var actions = await db.CauseActions.AsNoTracking().Where(a => ids.Contains(a.CauseId)).ToDictionaryAsync(a => a.CauseId, cancellationToken);
            var editable = new Dictionary<int, CauseAction?>();
            foreach (var entry in Digest.Entries)
            {
                if (await UpdateCauseAction.CanEditAsync(db, reader, entry.OwningTeam, cancellationToken))
                {
                    editable[entry.CauseId] = actions.GetValueOrDefault(entry.CauseId);
                }
            }

            Editable = editable;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSubscribeAsync(bool subscribe, CancellationToken cancellationToken)
    {
        var reader = StaffScope.Of(User);
        if (!await ChooseScopeAsync(reader, cancellationToken))
        {
            return NotFound();
        }

        var existing = await db.DigestSubscriptions.SingleOrDefaultAsync(s => s.StaffMemberId == reader.StaffId && s.Scope == Scope && s.ScopeId == ScopeId, cancellationToken);
        if (subscribe && existing is null)
        {
            db.DigestSubscriptions.Add(new DigestSubscription { StaffMemberId = reader.StaffId, Scope = Scope, ScopeId = ScopeId, CreatedAt = time.GetUtcNow() });
        }
        else if (!subscribe && existing is not null)
        {
            db.DigestSubscriptions.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second click that raced the first: the subscription exists, which is what was asked.
        }

        Notice = subscribe ? t["Vous recevrez ce top chaque matin par e-mail."] : t["Vous ne recevrez plus ce top par e-mail."];
        return RedirectToPage(new { date = Date, portee = Scope, pays = Scope == CauseScope.Country ? ScopeId : (int?)null });
    }

    public async Task<IActionResult> OnPostActionAsync(int causeId, string? plan, CauseActionStatus status, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await UpdateCauseAction.ExecuteAsync(db, StaffScope.Of(User), causeId, new UpdateCauseAction.Request(plan, status), time.GetUtcNow(), cancellationToken);
            if (saved is null)
            {
                return NotFound();
            }

            Notice = t["Plan d'action enregistré."];
        }
        catch (CauseActionException e)
        {
            Notice = t[e.Message];
        }

        return RedirectToPage(new { date = Date, portee = AskedScope, pays = AskedCountry });
    }

    private async Task<bool> ChooseScopeAsync(StaffScope reader, CancellationToken cancellationToken)
    {
        if (DigestAccess.DefaultScope(reader) is not { } own)
        {
            return false;
        }

        (Scope, ScopeId) = AskedScope switch
        {
            CauseScope.Group => (CauseScope.Group, 0),
            CauseScope.Country when AskedCountry is { } country => (CauseScope.Country, country),
            _ => own,
        };
        if (!DigestAccess.CanRead(reader, Scope, ScopeId))
        {
            return false;
        }

        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var choices = new List<ScopeChoice>();
        if (DigestAccess.CanRead(reader, CauseScope.Group, 0))
        {
            choices.Add(new ScopeChoice(CauseScope.Group, 0, t["Groupe"]));
        }

        choices.AddRange(countries.Where(c => DigestAccess.CanRead(reader, CauseScope.Country, c.Id)).Select(c => new ScopeChoice(CauseScope.Country, c.Id, c.Name.Current)));
        Choices = choices;
        return choices.Any(c => c.Scope == Scope && c.ScopeId == ScopeId);
    }

    public string ScopeName => Choices.FirstOrDefault(c => c.Scope == Scope && c.ScopeId == ScopeId)?.Name ?? "";
}
