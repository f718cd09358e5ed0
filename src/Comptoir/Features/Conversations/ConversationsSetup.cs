using Comptoir.Features.Conversations.Delivery;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Routing;

namespace Comptoir.Features.Conversations;

public static class ConversationsSetup
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<IngestionOptions>(builder.Configuration.GetSection("Ingestion"));
        services.Configure<OutboundOptions>(builder.Configuration.GetSection("Outbound"));
        services.AddSingleton<RoutingCatalog>();
        services.AddSingleton<Acknowledgements>();
        services.AddScoped<IngestContacts>();
        services.AddSingleton<ContactIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<ContactIntake>());
        services.AddSingleton<LoopbackMessagingSender>();
        services.AddSingleton<IOutboundSender>(sp => sp.GetRequiredService<LoopbackMessagingSender>());
        services.AddSingleton<DeliverOutboundMessages>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliverOutboundMessages>());
        return builder;
    }
}
