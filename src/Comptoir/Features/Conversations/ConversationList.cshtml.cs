using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Conversations;

public sealed class ConversationListModel(ComptoirDbContext db, IStringLocalizer<Texts> t, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vue")]
    public ListConversations.View View { get; set; } = ListConversations.View.Mine;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public Page<ListConversations.Row> Results { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public StaffScope Scope { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = StaffScope.Of(User);
        Now = time.GetUtcNow();
        Results = await ListConversations.QueryAsync(db, Scope, View, null, null, PageNumber, 50, cancellationToken);
        Presence = await db.AdvisorProfiles.AsNoTracking().Where(p => p.StaffMemberId == Scope.StaffId)
            .Select(p => (Routing.Presence?)p.Presence).SingleOrDefaultAsync(cancellationToken);
    }

    public Routing.Presence? Presence { get; private set; }

    public async Task<IActionResult> OnPostPresenceAsync(Routing.Presence presence, CancellationToken cancellationToken)
    {
        await Routing.SetPresence.ExecuteAsync(db, StaffScope.Of(User), presence, time, cancellationToken);
        return RedirectToPage(new { vue = View });
    }

    public async Task<IActionResult> OnPostNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            var next = await TakeNextConversation.ExecuteAsync(db, StaffScope.Of(User), time, cancellationToken);
            if (next is not null)
            {
                return Redirect($"/app/conversations/{next.ConversationId}");
            }

            Notice = t["Aucune conversation n'attend dans vos files : bravo !"];
        }
        catch (ConversationActionException e)
        {
            Notice = t[e.Message];
        }

        return RedirectToPage(new { vue = View });
    }
}
