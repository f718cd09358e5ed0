using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comptoir.Features.Causes.Digests;

/// <summary>The contacts behind one irritant of a digest; 404 when the digest is not the reader's.</summary>
public sealed class IrritantContactsModel(ComptoirDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public DigestContacts.Response Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long digestId, int causeId, CancellationToken cancellationToken)
    {
        var result = await DigestContacts.QueryAsync(db, StaffScope.Of(User), digestId, causeId, PageNumber, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
