using Comptoir.Features.Channels.Messaging;
using Comptoir.Features.Channels.Phone;

namespace Comptoir.Features.Channels;

public static class ChannelEndpoints
{
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ChannelOptions>(builder.Configuration.GetSection("Channels"));
        return builder;
    }

    /// <summary>Webhooks authenticate by signature, not by a staff cookie; they carry no antiforgery token.</summary>
    public static WebApplication MapChannels(this WebApplication app)
    {
        var hooks = app.MapGroup("/api/channels").WithTags("Channels").AllowAnonymous().DisableAntiforgery();
        hooks.AddEndpointFilter(RetryLaterWhenStoppingAsync);
        hooks.MapPost("/sms", ReceiveMessage.SmsAsync).WithName("ReceiveSms").WithSummary("Inbound SMS pushed by the operator (signed).");
        hooks.MapPost("/social", ReceiveMessage.SocialAsync).WithName("ReceiveSocialMessage").WithSummary("Inbound social-network message (signed).");
        hooks.MapPost("/phone/calls", ReceiveCall.HandleAsync).WithName("ReceiveCall").WithSummary("Call record pushed by the telephony system (signed).");
        return app;
    }

    /// <summary>
    /// The intake answers a contact it could not store because the application is stopping with a cancellation:
    /// the sender is told to deliver it again (503 with Retry-After), which the channel's id makes harmless.
    /// </summary>
    private static async ValueTask<object?> RetryLaterWhenStoppingAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            context.HttpContext.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Try again later",
                detail: "The service is restarting and did not store this delivery: send it again in a moment.");
        }
    }
}
