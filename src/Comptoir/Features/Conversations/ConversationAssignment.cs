namespace Comptoir.Features.Conversations;

/// <summary>
/// Who holds a conversation and whose site's work it is, always changed together. A member who works on a
/// service site makes the conversation their site's work when they take it, answer it or record it; one who
/// does not (an administrator, store staff) leaves it with the site it had. The conversation scoping relies
/// on it: a held conversation is seen by its site only, so a holder without a site hides it from every site
/// rather than showing it to the wrong one.
/// </summary>
public static class ConversationAssignment
{
    public static void AssignTo(this Conversation conversation, int staffId, int? siteId, DateTimeOffset at)
    {
        conversation.AssignedToId = staffId;
        conversation.AssignedSiteId = siteId ?? conversation.AssignedSiteId;
        conversation.AssignedAt = at;
    }

    /// <summary>
    /// Handed on (to a queue or a store): nobody holds it, so every site serving its queue may take it; the
    /// site that worked on it still sees it, so that whoever handed it on can follow it.
    /// </summary>
    public static void Release(this Conversation conversation)
    {
        conversation.AssignedToId = null;
        conversation.AssignedAt = null;
    }
}
