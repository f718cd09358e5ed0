using Comptoir.Features.Staff;

namespace Comptoir.Features.Causes;

public static class CausesSetup
{
    public static WebApplicationBuilder AddCauses(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CauseOptions>(builder.Configuration.GetSection("Causes"));
        builder.Services.AddSingleton<CauseClassifier>();
        builder.Services.AddScoped<TrainCauseModel>();
        builder.Services.AddSingleton<RetrainCauseModel>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetrainCauseModel>());
        return builder;
    }

    public static WebApplication MapCauses(this WebApplication app)
    {
        var api = app.MapGroup("/api/causes").WithTags("Causes");
        api.MapPost("/model", TrainCauseModel.HandleAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("TrainCauseModel").WithSummary("Trains a new cause model on every labelled example now, and makes it the one that predicts.");
        return app;
    }
}
