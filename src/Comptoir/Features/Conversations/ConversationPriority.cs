namespace Comptoir.Features.Conversations;

/// <summary>
/// Flags added up in <see cref="Conversation.Priority"/>; queues serve the highest first. A contact about a
/// cause of today's top 5 comes before a breached one, which comes before the rest.
/// </summary>
public static class ConversationPriority
{
    public const int Breached = 1;

    public const int TopCause = 2;
}
