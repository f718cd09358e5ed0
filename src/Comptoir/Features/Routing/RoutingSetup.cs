using Comptoir.Features.ServiceLevels;

namespace Comptoir.Features.Routing;

public static class RoutingSetup
{
    public static WebApplicationBuilder AddRoutingAndServiceLevels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BalanceQueues>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BalanceQueues>());
        builder.Services.AddSingleton<CheckServiceLevels>();
        builder.Services.AddSingleton<MoveDeadlines>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckServiceLevels>());
        return builder;
    }

    public static WebApplication MapRoutingAndServiceLevels(this WebApplication app)
    {
        app.MapPost("/api/me/presence", SetPresence.HandleAsync).WithTags("Staff").WithName("SetPresence").WithSummary("The advisor is available, away or offline.");
        return app;
    }
}
