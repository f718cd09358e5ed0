using Comptoir.Features.Causes.Evaluation;
using Comptoir.Platform.Commands;

namespace Comptoir.Features.Causes;

public static class CauseClassificationSetup
{
    /// <summary>Registers the cause classifier's commands (<c>causes eval</c>, <c>irritants replay</c>).</summary>
    public static WebApplicationBuilder AddCauseClassification(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IComptoirCommand>(_ => new CauseEvalCommand(Console.Out));
        builder.Services.AddSingleton<IComptoirCommand>(_ => new Emerging.ReplayCommand(Console.Out));
        return builder;
    }
}
