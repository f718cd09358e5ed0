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
        hooks.MapPost("/sms", ReceiveMessage.SmsAsync).WithName("ReceiveSms").WithSummary("Inbound SMS pushed by the operator (signed).");
        hooks.MapPost("/social", ReceiveMessage.SocialAsync).WithName("ReceiveSocialMessage").WithSummary("Inbound social-network message (signed).");
        hooks.MapPost("/phone/calls", ReceiveCall.HandleAsync).WithName("ReceiveCall").WithSummary("Call record pushed by the telephony system (signed).");
        return app;
    }
}
