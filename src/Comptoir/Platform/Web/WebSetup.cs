using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;

namespace Comptoir.Platform.Web;

public static class WebSetup
{
    /// <summary>
    /// The keys that sign sign-in cookies and anti-forgery tokens live in the database, shared by every instance.
    /// With <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key) they are stored encrypted
    /// with that certificate, so that a copy of the database (a backup, a replica) cannot forge a session;
    /// without it they are stored in clear, and ASP.NET Core says so in the log at start.
    /// </summary>
    private static void AddKeyRing(WebApplicationBuilder builder)
    {
        // Started right after the migrations, before anything else: the data-protection services (registered
        // earlier, by sign-in and anti-forgery) may create a key as they start. See KeyRingCheck.
        var migrations = builder.Services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MigrateOnStartup));
        builder.Services.Insert(migrations + 1, ServiceDescriptor.Singleton<IHostedService, KeyRingCheck>());
        var keys = builder.Services.AddDataProtection().SetApplicationName("Comptoir").PersistKeysToDbContext<ComptoirDbContext>();
        if (builder.Configuration["DataProtection:CertificatePath"] is not { Length: > 0 } path)
        {
            return;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["DataProtection:CertificatePassword"]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' could not be read as a PKCS#12 certificate with the password of DataProtection:CertificatePassword: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' holds no private key: the keys it encrypts could not be read back.");
        }

        keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>The plumbing every feature reuses: pages, errors, health, OpenAPI, logs, time, flood limits.</summary>
    public static WebApplicationBuilder AddComptoirWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        AddKeyRing(builder);

        // Pages are French first: accented letters are written as they are, not as numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddComptoirLocalization();

        services.AddRazorPages(options => options.RootDirectory = "/Features")
            // No page loads a client-side validation script. With it on, an empty validation summary is written
            // as <li style="display:none">, an inline style the content security policy blocks.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Texts)));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddValidation();
        services.AddOpenApi();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "comptoir.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddComptoirRateLimits(builder.Configuration);
        services.AddKnownProxies(builder.Configuration);

        services.AddHealthChecks().AddDbContextCheck<ComptoirDbContext>("database", tags: ["ready"]);

        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                                    | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        return builder;
    }

    public static WebApplication UseComptoirWeb(this WebApplication app)
    {
        // First: everything after it sees the client's address and scheme, not the proxy's.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(IsApi, api =>
        {
            // A request the API cannot read (a required query parameter missing, a body of the wrong shape) is
            // the caller's error, also where the framework throws it rather than answering 400 (development).
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/erreur/500");
            pages.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });

        app.UseHttpLogging();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseNoStore();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseSameOriginApiWrites();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseNulCharacterRefusal();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
