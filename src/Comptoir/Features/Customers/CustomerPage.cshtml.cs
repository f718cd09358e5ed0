using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Customers;

public sealed class CustomerPageModel(ComptoirDbContext db, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    public GetCustomer.Response Customer { get; private set; } = null!;

    public bool MayMerge { get; private set; }

    [BindProperty]
    public long? OtherId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(User);
        var customer = await GetCustomer.QueryAsync(db, scope, id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (customer.MergedIntoId is { } survivor)
        {
            return Redirect($"/app/clients/{survivor}");
        }

        Customer = customer;
        MayMerge = MergeCustomers.MayMerge(scope);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var merged = OtherId is { } other && await MergeCustomers.ExecuteAsync(db, StaffScope.Of(User), id, other, time, cancellationToken) is not null;
            Notice = merged ? t["Fiches fusionnées. La fusion peut être annulée ci-dessous."] : t["Ce client n'existe pas dans votre périmètre."];
        }
        catch (CustomerMergeException e)
        {
            Notice = t[e.Message];
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUndoAsync(long id, long mergeId, CancellationToken cancellationToken)
    {
        try
        {
            Notice = await UndoMerge.ExecuteAsync(db, StaffScope.Of(User), mergeId, time, cancellationToken)
                ? t["Fusion annulée : les deux fiches sont de nouveau séparées."]
                : t["Cette fusion n'existe pas dans votre périmètre."];
        }
        catch (CustomerMergeException e)
        {
            Notice = t[e.Message];
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, long proposalId, CancellationToken cancellationToken)
    {
        await DismissDuplicate.ExecuteAsync(db, StaffScope.Of(User), proposalId, time, cancellationToken);
        Notice = t["Noté : ce ne sont pas les mêmes personnes."];
        return RedirectToPage(new { id });
    }
}
