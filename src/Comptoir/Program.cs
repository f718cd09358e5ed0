using Comptoir.Features.Causes;
using Comptoir.Features.Channels;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Conversations;
using Comptoir.Features.Customers;
using Comptoir.Features.DemoData;
using Comptoir.Features.Organisation;
using Comptoir.Features.Routing;
using Comptoir.Features.Setup;
using Comptoir.Features.Sites;
using Comptoir.Features.Staff;
using Comptoir.Features.Stores;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Commands;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddComptoirDatabase();
builder.AddStaffSignIn();
builder.AddComptoirWeb();
builder.AddConversations();
builder.AddChannels();
builder.AddRoutingAndServiceLevels();
builder.AddEmailChannel();
builder.AddCauses();
builder.AddDemoData();
builder.AddCauseClassification();

var app = builder.Build();

app.UseComptoirWeb();
app.MapOrganisation();
app.MapStores();
app.MapSites();
app.MapStaff();
app.MapConversations();
app.MapCustomers();
app.MapChannels();
app.MapRoutingAndServiceLevels();
app.MapEmailChannel();
app.MapCauses();
app.MapServiceSetup();

return await app.RunComptoirAsync(args);

/// <summary>The entry point; public so that tests and benchmarks can host the real app.</summary>
public partial class Program;
