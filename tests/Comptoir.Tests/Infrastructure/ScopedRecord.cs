using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Infrastructure;

/// <summary>A record of the demo organisation named the way people name it, resolved to its id and URLs.</summary>
public sealed record ScopedRecord(string Kind, string Key)
{
    public static ScopedRecord Store(string code) => new("store", code);

    public static ScopedRecord Site(string code) => new("site", code);

    public static ScopedRecord Staff(string mailbox) => new("staff", mailbox);

    public async Task<(string Api, string Page)> UrlsAsync(ComptoirHost host)
    {
        var id = Kind switch
        {
            "store" => await host.QueryAsync(db => db.Stores.Where(s => s.Code == Key).Select(s => s.Id).SingleAsync()),
            "site" => await host.QueryAsync(db => db.ServiceSites.Where(s => s.Code == Key).Select(s => s.Id).SingleAsync()),
            _ => await host.QueryAsync(db => db.Staff.Where(m => m.Email == StaffSession.Demo(Key)).Select(m => m.Id).SingleAsync()),
        };
        return Kind switch
        {
            "store" => ($"/api/stores/{id}", $"/app/magasins/{id}"),
            "site" => ($"/api/sites/{id}", $"/app/sites/{id}"),
            _ => ($"/api/staff/{id}", $"/app/equipe/{id}"),
        };
    }

    public override string ToString() => $"{Kind} {Key}";
}
