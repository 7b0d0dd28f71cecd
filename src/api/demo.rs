//! The public test integrations of the demo environments (facts from the docs' Environments
//! page: https://docs.mews.com/connector-api/guidelines/environments): their tokens, and which demo
//! enterprise each AccessToken connects to.

/// One public test integration of the demo environments (facts from the Environments page).
pub struct DemoIntegration {
    pub name: &'static str,
    pub client_token: &'static str,
    pub gross_access_token: &'static str,
    pub net_access_token: &'static str,
}

pub const DEMO_INTEGRATIONS: [DemoIntegration; 4] = [
    DemoIntegration {
        name: "Are you ready to integrate with Mews?",
        client_token: "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
        gross_access_token: "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
        net_access_token: "4D6C7ABE0E6A4681B0AFB16900AE5D86-DF50CBC89E1D4FF5859DDF021649ED5",
    },
    DemoIntegration {
        name: "Connector API Test Client 2",
        client_token: "E916C341431C4D28A866AD200152DBD3-A046EB5583FFBE94DE1172237763712",
        gross_access_token: "CC150C355D6A4048A220AD20015483AB-B6D09C0C84B09538077CB8FFBB907B4",
        net_access_token: "1AEFA58C55E74D65BDC7AD2001564C12-66633E0B736F523379B9E5966165A55",
    },
    DemoIntegration {
        name: "Connector API Test Client 3",
        client_token: "2CC71B0660F345019882AD200155B4FE-4A1FC9080A4DD2A404734003674F77E",
        gross_access_token: "5F56B9903A834F199E28AD20015E58CA-5C6A1A00550634911534AD6A098E8B7",
        net_access_token: "682C235379B64D909941AD2001577525-BFC60A026081F1350FAA99CAB9F7510",
    },
    DemoIntegration {
        name: "Connector API Test Client 4",
        client_token: "07AB1F14B55C49B8BDD6AD200158423B-273A4497AFF5E20566D7199DB3DC2BA",
        gross_access_token: "39E301DD5A1C4A569087AD20015F60DD-50DC28896E9090CCA0995C9BBD90351",
        net_access_token: "BFD4298010F54B069F3DAD20015D53EA-D5561FADFBA4EFC8EA4C179C6BC461F",
    },
];

/// Which demo enterprise a demo AccessToken connects to.
#[derive(Clone, Copy)]
pub enum Pricing {
    Gross,
    Net,
}

impl Pricing {
    pub fn describe(self) -> &'static str {
        match self {
            Pricing::Gross => {
                "the gross pricing demo enterprise (United Kingdom, taxes included in prices)"
            }
            Pricing::Net => {
                "the net pricing demo enterprise (United States, taxes excluded from prices)"
            }
        }
    }
}

pub fn client(token: &str) -> Option<&'static DemoIntegration> {
    DEMO_INTEGRATIONS.iter().find(|i| i.client_token == token)
}

pub fn access(token: &str) -> Option<(&'static DemoIntegration, Pricing)> {
    DEMO_INTEGRATIONS.iter().find_map(|i| {
        if i.gross_access_token == token {
            Some((i, Pricing::Gross))
        } else if i.net_access_token == token {
            Some((i, Pricing::Net))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_tables_are_consistent() {
        for integration in &DEMO_INTEGRATIONS {
            assert!(client(integration.client_token).is_some());
            assert!(access(integration.gross_access_token).is_some());
            assert!(access(integration.net_access_token).is_some());
            assert!(access(integration.client_token).is_none());
        }
    }
}
