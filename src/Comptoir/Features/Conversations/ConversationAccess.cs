using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>Loads a conversation for a member who wants to act on it; outside their scope it does not exist.</summary>
public static class ConversationAccess
{
    /// <summary>Country executives oversee; everyone else who sees a conversation may work on it.</summary>
    public static bool MayAct(this StaffScope scope) =>
        scope.Role is not (StaffRole.CountryExecutive or StaffRole.CommunityManager);

    public static Task<Conversation?> FindForActionAsync(this ComptoirDbContext db, StaffScope scope, long id, CancellationToken cancellationToken) =>
        scope.MayAct()
            ? db.Conversations.VisibleTo(db, scope).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            : Task.FromResult<Conversation?>(null);
}

/// <summary>Why an action on a conversation was refused, in words for the person who tried.</summary>
public sealed class ConversationActionException(string message) : Exception(message);
