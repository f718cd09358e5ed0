namespace Comptoir.Features.Conversations;

public static class ConversationEndpoints
{
    public static WebApplication MapConversations(this WebApplication app)
    {
        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations");
        conversations.MapGet("/", ListConversations.HandleAsync).WithName("ListConversations").WithSummary("The member's conversations: mine, waiting, or all in scope.");
        conversations.MapPost("/next", TakeNextConversation.HandleAsync).WithName("TakeNextConversation").WithSummary("Assigns the most urgent conversation the advisor is entitled to; 204 when none waits.");
        conversations.MapGet("/{id:long}", GetConversation.HandleAsync).WithName("GetConversation").WithSummary("A conversation with its messages and customer; 404 outside the member's scope.");
        conversations.MapPost("/{id:long}/take", TakeConversation.HandleAsync).WithName("TakeConversation");
        conversations.MapPost("/{id:long}/replies", ReplyToCustomer.HandleAsync).WithName("ReplyToCustomer").WithSummary("Answers the customer on the conversation's channel.");
        conversations.MapPost("/{id:long}/notes", AddNote.HandleAsync).WithName("AddNote");
        conversations.MapPost("/{id:long}/transfer", TransferConversation.HandleAsync).WithName("TransferConversation").WithSummary("To another queue, or to a store department.");
        conversations.MapPost("/{id:long}/close", CloseConversation.HandleAsync).WithName("CloseConversation");
        app.MapGet("/app/pieces-jointes/{id:long}", DownloadAttachment.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
